package cli

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// rng returns a range on line 1 from byte offset start, n bytes long.
func rng(start, n int) diag.Range {
	return diag.Range{
		Start: diag.Pos{Offset: start, Line: 1, Col: start + 1},
		End:   diag.Pos{Offset: start + n, Line: 1, Col: start + n + 1},
	}
}

func ident(name string, at int) *ast.Ident { return &ast.Ident{Name: name, Rng: rng(at, len(name))} }

func field(name string, at int) *ast.FieldRef {
	return &ast.FieldRef{Segments: []*ast.Ident{ident(name, at)}}
}

// everyNodeFile builds, by hand, a file that holds every node type of
// package ast. The ranges are plausible, not exact.
func everyNodeFile() *ast.File {
	sub := &ast.Query{
		Select: &ast.SelectClause{Keyword: rng(60, 6), Items: []ast.SelectItem{field("Name", 67)}},
		From:   &ast.FromClause{Keyword: rng(72, 4), Entity: ident("User", 77)},
		Rng:    rng(60, 21),
	}
	cond := &ast.BinaryExpr{
		X: &ast.NotExpr{Not: rng(30, 3), X: &ast.ParenExpr{
			Lparen: rng(34, 1),
			X:      &ast.CompareExpr{X: field("A", 35), Op: ast.Ge, OpRng: rng(37, 2), Y: &ast.NumberLit{Raw: "-1.5", Rng: rng(40, 4)}},
			Rparen: rng(44, 1),
		}},
		Op:    ast.Or,
		OpRng: rng(46, 2),
		Y: &ast.InExpr{
			X: field("B", 49), Not: true, OpRng: rng(51, 6), Lparen: rng(58, 1),
			Query: sub, Rparen: rng(81, 1),
		},
	}
	cond = &ast.BinaryExpr{X: cond, Op: ast.And, OpRng: rng(83, 3), Y: &ast.InExpr{
		X: field("C", 87), OpRng: rng(89, 2), Lparen: rng(92, 1), Rparen: rng(120, 1),
		List: []ast.Literal{
			&ast.StringLit{Value: "x", Rng: rng(93, 3)},
			&ast.DateLit{Raw: "2024-01-31T17:00:00Z", Rng: rng(97, 20)},
			&ast.BoolLit{Value: true, Rng: rng(118, 4)},
			&ast.NullLit{Rng: rng(123, 4)},
		},
	}}
	cond = &ast.BinaryExpr{X: cond, Op: ast.And, OpRng: rng(128, 3), Y: &ast.LikeExpr{
		X: field("D", 132), OpRng: rng(134, 4), Pattern: &ast.ParamRef{Name: "p", Rng: rng(139, 2)},
	}}
	cond = &ast.BinaryExpr{X: cond, Op: ast.And, OpRng: rng(142, 3), Y: &ast.BadExpr{Rng: rng(146, 3)}}
	q := &ast.Query{
		Select: &ast.SelectClause{Keyword: rng(0, 6), Items: []ast.SelectItem{
			&ast.FieldRef{Segments: []*ast.Ident{ident("Manager", 7), ident("Name", 15)}},
			&ast.AggregateExpr{Func: ast.Count, FuncRng: rng(20, 5), Arg: field("Id", 26), Rparen: rng(28, 1), Alias: ident("N", 33)},
			&ast.RelationQuery{Lparen: rng(35, 1), Query: &ast.Query{
				Select: &ast.SelectClause{Keyword: rng(36, 6), Items: []ast.SelectItem{field("Name", 43)}},
				From:   &ast.FromClause{Keyword: rng(48, 4), Entity: ident("Resources", 53)},
				Rng:    rng(36, 26),
			}, Rparen: rng(62, 1)},
		}},
		From:    &ast.FromClause{Keyword: rng(64, 4), Entity: ident("Task", 69)},
		Where:   &ast.WhereClause{Keyword: rng(74, 5), Cond: cond},
		GroupBy: &ast.GroupByClause{Keyword: rng(150, 8), Fields: []*ast.FieldRef{field("State", 159)}},
		OrderBy: &ast.OrderByClause{Keyword: rng(165, 8), Items: []*ast.OrderItem{
			{Field: field("N", 174), Dir: ast.Desc, DirRng: rng(176, 4)},
			{Field: field("Name", 182)},
		}},
		Limit:  &ast.LimitClause{Keyword: rng(187, 5), Value: &ast.NumberLit{Raw: "10", Rng: rng(193, 2)}},
		Offset: &ast.OffsetClause{Keyword: rng(196, 6), Value: &ast.ParamRef{Name: "from", Rng: rng(203, 5)}},
		Rng:    rng(0, 208),
	}
	return &ast.File{
		Name:     "all.czql",
		Queries:  []*ast.Query{q},
		Comments: []*ast.Comment{{Text: "-- note", Rng: rng(209, 7)}},
	}
}

func TestASTJSONCoversEveryNodeType(t *testing.T) {
	src := diag.NewSource("all.czql", []byte(strings.Repeat("x", 220)))
	out, err := marshalJSON(encodeFile(src, everyNodeFile(), nil))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out)
	}
	kinds := map[string]bool{}
	collectKinds(doc, kinds)
	want := []string{
		"AggregateExpr", "BadExpr", "BinaryExpr", "BoolLit", "Comment", "CompareExpr", "DateLit",
		"FieldRef", "FromClause", "GroupByClause", "Ident", "InExpr", "LikeExpr", "LimitClause",
		"NotExpr", "NullLit", "NumberLit", "OffsetClause", "OrderByClause", "OrderItem", "ParamRef",
		"ParenExpr", "Query", "RelationQuery", "SelectClause", "StringLit", "WhereClause",
	}
	var got []string
	for k := range kinds {
		got = append(got, k)
	}
	sort.Strings(got)
	if !slices.Equal(got, want) {
		t.Errorf("kinds in output:\n got %q\nwant %q", got, want)
	}
}

// collectKinds records the "kind" of every object in v.
func collectKinds(v any, kinds map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if k, ok := v["kind"].(string); ok {
			kinds[k] = true
		}
		for _, x := range v {
			collectKinds(x, kinds)
		}
	case []any:
		for _, x := range v {
			collectKinds(x, kinds)
		}
	}
}

func TestASTJSONShape(t *testing.T) {
	text := "SELECT Näme FROM Task WHERE A = 'x<y'"
	src := diag.NewSource("q.czql", []byte(text))
	q := &ast.Query{
		Select: &ast.SelectClause{Keyword: rng(0, 6), Items: []ast.SelectItem{field("Näme", 7)}},
		From:   &ast.FromClause{Keyword: rng(13, 4), Entity: ident("Task", 18)},
		Where: &ast.WhereClause{Keyword: rng(23, 5), Cond: &ast.CompareExpr{
			X: field("A", 29), Op: ast.Eq, OpRng: rng(31, 1), Y: &ast.StringLit{Value: "x<y", Rng: rng(33, 5)},
		}},
		Rng: rng(0, 38),
	}
	d := diag.Errorf("syntax", rng(18, 4), "unexpected %q", "Task")
	d.Suggestions = []diag.Suggestion{{Message: "did you mean", Edits: []diag.Edit{{Range: rng(18, 4), NewText: "Tasks"}}}}
	out, err := marshalJSON(encodeFile(src, &ast.File{Name: "q.czql", Queries: []*ast.Query{q}}, diag.List{d}))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		"{\n  \"schemaVersion\": 1,\n  \"file\": \"q.czql\",\n  \"queries\": [\n    {\n      \"kind\": \"Query\",\n      \"range\": {",
		`"groupBy": null`,
		`"value": "x<y"`, // no HTML escaping
		// Näme is 5 bytes; the From keyword at byte 13 is at UTF-16 column 13.
		"\"keyword\": {\n          \"start\": {\n            \"offset\": 13,\n            \"line\": 1,\n            \"col\": 14,\n            \"utf16Col\": 13\n",
		"\"comments\": [],\n  \"diagnostics\": [\n    {\n      \"severity\": \"error\",\n      \"code\": \"syntax\",\n      \"message\": \"unexpected \\\"Task\\\"\",\n      \"detail\": \"\",\n      \"range\": {",
		`"newText": "Tasks"`,
		"\"related\": [],",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if !strings.HasSuffix(s, "}\n") {
		t.Error("output lacks its final newline")
	}
}

func TestASTJSONNilAndInvalid(t *testing.T) {
	e := astEncoder{src: diag.NewSource("", nil)}
	var typedNil *ast.Query
	if got := e.node(typedNil); got != nil {
		t.Errorf("node(typed nil) = %v, want nil", got)
	}
	if got := e.rng(diag.Range{}); got != nil {
		t.Errorf("rng(zero) = %v, want nil", got)
	}
	out, err := marshalJSON(encodeFile(diag.NewSource("-", nil), nil, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"schemaVersion\": 1,\n  \"file\": \"-\",\n  \"queries\": [],\n  \"comments\": [],\n  \"diagnostics\": []\n}\n"
	if string(out) != want {
		t.Errorf("empty file:\n%s\nwant:\n%s", out, want)
	}
}
