package ast_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
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

// writeJSON returns the output of WriteJSON.
func writeJSON(t testing.TB, src *diag.Source, f *ast.File, diags diag.List) string {
	t.Helper()
	var b bytes.Buffer
	if err := ast.WriteJSON(&b, src, f, diags); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestWriteJSONCoversEveryNodeType(t *testing.T) {
	src := diag.NewSource("all.czql", []byte(strings.Repeat("x", 220)))
	out := writeJSON(t, src, everyNodeFile(), nil)
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
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
	// Every node of the tree is in the output, with its range, in the
	// order of ast.Preorder.
	var ranges []string
	collectRanges(doc.(map[string]any)["queries"], &ranges)
	var wantRanges []string
	for n := range ast.Preorder(everyNodeFile().Queries[0]) {
		wantRanges = append(wantRanges, n.Range().String())
	}
	if !slices.Equal(ranges, wantRanges) {
		t.Errorf("node ranges in output:\n got %q\nwant %q", ranges, wantRanges)
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

// collectRanges appends the range, as line:col-line:col, of every node in
// v, parents first, children in the order of the schema.
func collectRanges(v any, ranges *[]string) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["kind"]; ok {
			*ranges = append(*ranges, jsonRange(v["range"]).String())
		}
		for _, k := range []string{"select", "from", "where", "groupBy", "orderBy", "limit", "offset",
			"items", "entity", "cond", "fields", "value", "field", "segments", "arg", "alias",
			"x", "y", "list", "query", "pattern"} {
			collectRanges(v[k], ranges)
		}
	case []any:
		for _, x := range v {
			collectRanges(x, ranges)
		}
	}
}

// jsonRange returns the range of a decoded "range" value.
func jsonRange(v any) diag.Range {
	m, _ := v.(map[string]any)
	if m == nil {
		return diag.Range{}
	}
	pos := func(v any) diag.Pos {
		p := v.(map[string]any)
		return diag.Pos{Offset: int(p["offset"].(float64)), Line: int(p["line"].(float64)), Col: int(p["col"].(float64))}
	}
	return diag.Range{Start: pos(m["start"]), End: pos(m["end"])}
}

func TestWriteJSONShape(t *testing.T) {
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
	s := writeJSON(t, src, &ast.File{Name: "q.czql", Queries: []*ast.Query{q}}, diag.List{d})
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

func TestWriteJSONNilAndInvalid(t *testing.T) {
	empty := "{\n  \"schemaVersion\": 1,\n  \"file\": \"-\",\n  \"queries\": [],\n  \"comments\": [],\n  \"diagnostics\": []\n}\n"
	for _, f := range []*ast.File{nil, {}} {
		if got := writeJSON(t, diag.NewSource("-", nil), f, nil); got != empty {
			t.Errorf("empty file %v:\n%s\nwant:\n%s", f, got, empty)
		}
	}
	// Nil children, typed nil pointers in interfaces and in lists, and
	// invalid ranges are null.
	f := &ast.File{Queries: []*ast.Query{nil, {
		Select: &ast.SelectClause{Items: []ast.SelectItem{(*ast.FieldRef)(nil), nil}},
		Where:  &ast.WhereClause{Keyword: rng(0, 5), Cond: (*ast.BinaryExpr)(nil)},
		Limit:  &ast.LimitClause{Value: (*ast.NumberLit)(nil)},
	}}}
	got := writeJSON(t, diag.NewSource("n", []byte("WHERE")), f, nil)
	for _, want := range []string{
		"\"queries\": [\n    null,\n    {\n      \"kind\": \"Query\",\n      \"range\": null,\n      \"select\": {\n        \"kind\": \"SelectClause\",\n        \"range\": null,\n        \"keyword\": null,\n        \"items\": [\n          null,\n          null\n        ]\n      },\n      \"from\": null,",
		"\"cond\": null\n",
		"\"value\": null\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

// TestWriteJSONStrings checks that strings are escaped as encoding/json
// escapes them without HTML escaping, in every place a string is written.
func TestWriteJSONStrings(t *testing.T) {
	strs := []string{
		"", "plain", "x<y>&z", `q"uote\back`, "\b\f\n\r\t", "\x00\x01\x1f\x7f", "é😀名",
		"\u2028\u2029", "bad\xff\xfeutf8\xe2\x80", "\xf0\x9f\x98", "\ufffd", "a/b", "\u007f\u0080",
	}
	for _, s := range strs {
		enc, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(enc))
		q := &ast.Query{
			Select: &ast.SelectClause{Items: []ast.SelectItem{
				&ast.FieldRef{Segments: []*ast.Ident{{Name: s}}},
				&ast.FieldRef{Segments: []*ast.Ident{{Name: s}, {Name: s}}},
				&ast.AggregateExpr{Func: ast.AggFunc(s)},
			}},
			Where: &ast.WhereClause{Cond: &ast.InExpr{List: []ast.Literal{
				&ast.StringLit{Value: s}, &ast.NumberLit{Raw: s}, &ast.DateLit{Raw: s}, &ast.ParamRef{Name: s},
			}}},
		}
		d := diag.Diagnostic{Code: s, Message: s, Detail: s, Related: []diag.Related{{Message: s}},
			Suggestions: []diag.Suggestion{{Message: s, Edits: []diag.Edit{{NewText: s}}}}}
		got := writeJSON(t, diag.NewSource(s, nil), &ast.File{Queries: []*ast.Query{q}, Comments: []*ast.Comment{{Text: s}}}, diag.List{d})
		path := strings.TrimSuffix(want, `"`) + "." + strings.TrimPrefix(want, `"`)
		for _, k := range []string{"file", "name", "path", "func", "value", "raw", "text", "code", "message", "detail", "newText"} {
			if !strings.Contains(got, `"`+k+`": `+want) {
				t.Errorf("%q: no %q: %s in\n%s", s, k, want, got)
			}
		}
		if !strings.Contains(got, `"path": `+path) {
			t.Errorf("%q: no path %s", s, path)
		}
		var doc any
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			t.Errorf("%q: invalid JSON: %v", s, err)
		}
	}
}

// TestWriteJSONMatchesRange checks, on parsed statements that span lines,
// hold CRLF, lone CR, multi-byte runes, invalid UTF-8 and long chains,
// that every node's range is its Range and every UTF-16 column is
// diag.UTF16Col's.
func TestWriteJSONMatchesRange(t *testing.T) {
	chain := make([]string, 300)
	for i := range chain {
		chain[i] = fmt.Sprintf("f%d = 'é%d'", i, i)
	}
	texts := []string{
		"-- c\r\nSELECT Näme, COUNT(Id) AS N, (SELECT a FROM R)\r\nFROM Task WHERE NOT (a = 'é😀' OR b IN (1, :p))\rAND c LIKE 'x' AND d NOT IN (SELECT x FROM U WHERE y = 2024-01-01)\nGROUP BY a ORDER BY N DESC LIMIT 5 OFFSET :o;\n\nSELECT 名前 FROM T WHERE x = '\xff' OR y = 1 AND z = 2 OR w = 3\r",
		"SELECT a FROM T WHERE " + strings.Join(chain, " AND\n ") + " OR a = 1 AND b = 2 AND c = 3",
		"SELECT a FROM T WHERE " + strings.Join(chain, " OR ") + " ORDER BY",
	}
	for _, text := range texts {
		f, diags := parser.ParseFile("m.czql", []byte(text))
		src := diag.NewSource("m.czql", []byte(text))
		var doc map[string]any
		if err := json.Unmarshal([]byte(writeJSON(t, src, f, diags)), &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		collectRanges(doc["queries"], &got)
		var want []string
		for _, q := range f.Queries {
			for n := range ast.Preorder(q) {
				want = append(want, n.Range().String())
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%.30q…: node ranges differ from Range", text)
		}
		checkUTF16(t, src, doc)
	}
}

// checkUTF16 checks every position in v against diag.UTF16Col.
func checkUTF16(t *testing.T, src *diag.Source, v any) {
	switch v := v.(type) {
	case map[string]any:
		if u, ok := v["utf16Col"].(float64); ok {
			line, col := int(v["line"].(float64)), int(v["col"].(float64))
			if want := diag.UTF16Col(src.Line(line), col); int(u) != want {
				t.Errorf("line %d col %d: utf16Col %d, want %d", line, col, int(u), want)
			}
		}
		for _, x := range v {
			checkUTF16(t, src, x)
		}
	case []any:
		for _, x := range v {
			checkUTF16(t, src, x)
		}
	}
}

// failWriter fails once it has taken n bytes.
type failWriter struct{ n, writes int }

var errFull = errors.New("full")

func (w *failWriter) Write(p []byte) (int, error) {
	w.writes++
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteJSONErrors(t *testing.T) {
	if err := ast.WriteJSON(io.Discard, nil, nil, nil); err == nil {
		t.Error("no error for a nil source")
	}
	text := []byte(statements(10000))
	f, _ := parser.ParseFile("s.czql", text)
	w := &failWriter{n: 100 << 10}
	if err := ast.WriteJSON(w, diag.NewSource("s.czql", text), f, nil); !errors.Is(err, errFull) {
		t.Errorf("error %v, want %v", err, errFull)
	}
	if w.writes > 2 {
		t.Errorf("%d writes after the writer failed, want none", w.writes-2)
	}
}

// TestWriteJSONDeep encodes the deepest trees the parser makes, with a
// goroutine stack limited to 1 MB: MaxNesting parentheses, NOTs and
// sub-queries, and a chain of a million ANDs. Chains are walked without
// recursion. (The JSON of a million-deep chain is indented by up to two
// million spaces a line, so its encoding stops at the writer's first
// megabyte; 1,000-term chains are written whole.)
func TestWriteJSONDeep(t *testing.T) {
	if testing.Short() {
		t.Skip("a million-term chain")
	}
	n := parser.MaxNesting
	terms := make([]string, 1_000_000)
	for i := range terms {
		terms[i] = "a = 1"
	}
	inputs := []struct {
		text  string
		limit int // bytes the writer takes; 0 for all
	}{
		{"SELECT a FROM T WHERE " + strings.Repeat("(", n) + "a = 1" + strings.Repeat(")", n), 0},
		{"SELECT a FROM T WHERE " + strings.Repeat("NOT ", n) + "a = 1", 0},
		{"SELECT a FROM T WHERE " + strings.Repeat("NOT (a = 1 OR ", n/2) + "a = 1" + strings.Repeat(")", n/2), 0},
		{"SELECT a FROM T WHERE a IN (" + strings.Repeat("SELECT a FROM T WHERE a IN (", n-1) + "1" + strings.Repeat(")", n), 0},
		{"SELECT a FROM T WHERE " + strings.Join(terms[:1000], " AND "), 0},
		{"SELECT a FROM T WHERE " + strings.Join(terms[:1000], " OR b = 2 AND ") + " AND b = 2", 0},
		{"SELECT a FROM T WHERE " + strings.Join(terms, " AND "), 1 << 20},
		{"SELECT a FROM T WHERE " + strings.Join(terms[:100_000], " OR b = 2 AND "), 1 << 20},
	}
	for _, in := range inputs {
		text := []byte(in.text)
		f, diags := parser.ParseFile("deep.czql", text)
		if diags.HasErrors() {
			t.Fatalf("%.40q…: %v", text, diags[0])
		}
		src := diag.NewSource("deep.czql", text)
		var w io.Writer = io.Discard
		if in.limit > 0 {
			w = &failWriter{n: in.limit}
		}
		done := make(chan error)
		go func() {
			old := debug.SetMaxStack(1 << 20)
			defer debug.SetMaxStack(old)
			done <- ast.WriteJSON(w, src, f, diags)
		}()
		if err := <-done; (err != nil) != (in.limit > 0) {
			t.Errorf("%.40q…: error %v", text, err)
		}
	}
}

// statements returns n small statements, one a line.
func statements(n int) string {
	return strings.Repeat("SELECT Name, COUNT(Id) AS N FROM Task WHERE State = 'Active' AND Priority > 3 ORDER BY Name LIMIT 5;\n", n)
}

// fields returns one statement selecting n fields named prefix0,
// prefix1 and so on, on one line.
func fields(n int, prefix string) string {
	var b strings.Builder
	b.WriteString("SELECT ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s%d", prefix, i)
	}
	b.WriteString(" FROM Task WHERE " + prefix + " = 1")
	return b.String()
}

// encodeCost returns the bytes and allocations WriteJSON takes on text.
func encodeCost(t testing.TB, text string) (bytes, allocs uint64) {
	f, diags := parser.ParseFile("big.czql", []byte(text))
	src := diag.NewSource("big.czql", []byte(text))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if err := ast.WriteJSON(io.Discard, src, f, diags); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// TestWriteJSONScaling checks that ten times the input costs less than 20
// times the memory: the output is streamed, not built.
func TestWriteJSONScaling(t *testing.T) {
	for _, tc := range []struct {
		name         string
		small, large string
	}{
		{"statements", statements(1000), statements(10000)},
		{"fields", fields(1600, "Field"), fields(16000, "Field")},
		{"non-ASCII fields", fields(1600, "Näme"), fields(16000, "Näme")},
	} {
		sb, sa := encodeCost(t, tc.small)
		lb, la := encodeCost(t, tc.large)
		t.Logf("%s: %d B in %d allocations, 10×: %d B in %d allocations", tc.name, sb, sa, lb, la)
		if lb >= 20*sb || la >= 20*sa {
			t.Errorf("%s: 10× the input allocates %d B in %d allocations, against %d B in %d, want under 20×",
				tc.name, lb, la, sb, sa)
		}
		if lb > 1<<20 {
			t.Errorf("%s: %d B allocated for %d B of input, want under 1 MB", tc.name, lb, len(tc.large))
		}
	}
}

// BenchmarkWriteJSON measures one 16,000-field statement and 100,000
// small statements.
func BenchmarkWriteJSON(b *testing.B) {
	for _, in := range []struct{ name, text string }{
		{"fields-16000", fields(16000, "Field")},
		{"fields-16000-non-ASCII", fields(16000, "Näme")},
		{"statements-100000", statements(100000)},
	} {
		text := []byte(in.text)
		f, diags := parser.ParseFile("big.czql", text)
		src := diag.NewSource("big.czql", text)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if err := ast.WriteJSON(io.Discard, src, f, diags); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteJSONWork checks the work of the UTF-16 columns, exactly: the
// bytes decoded and the lines looked up, for a long line of ASCII or of
// two-byte runes, and for a chain of lines. Each stays within a few times
// the size of the text at any size.
func TestWriteJSONWork(t *testing.T) {
	chain := func(n int) string { // one term a line, with long strings
		var b strings.Builder
		b.WriteString("SELECT a FROM T WHERE a = 'é'")
		for i := range n {
			fmt.Fprintf(&b, " AND\n f%d = 'é' OR g = 1 AND h = '%s'", i, strings.Repeat("ü", 50))
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		make func(n int) string
	}{
		{"ASCII line", func(n int) string { return fields(n, "Field") }},
		{"non-ASCII line", func(n int) string { return fields(n, "Näme") }},
		{"statements", statements},
		{"chain of lines", chain},
	} {
		for _, n := range []int{1600, 16000} {
			text := []byte(tc.make(n))
			f, diags := parser.ParseFile("w", text)
			src := diag.NewSource("w", text)
			decoded, loads, err := ast.WriteJSONWork(io.Discard, src, f, diags)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s × %d: %d bytes, %d lines: %d decoded, %d lines looked up", tc.name, n, len(text), src.LineCount(), decoded, loads)
			if decoded > 4*len(text) {
				t.Errorf("%s × %d: %d bytes decoded for %d bytes of text", tc.name, n, decoded, len(text))
			}
			if loads > 4*src.LineCount() {
				t.Errorf("%s × %d: %d lines looked up for %d lines", tc.name, n, loads, src.LineCount())
			}
		}
	}
}
