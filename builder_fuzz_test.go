package czql_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/czql/czql"
	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/lexer"
)

// hostile are names and values that would change a query built by
// concatenating text: quotes, comments, ';', ')', keywords, line breaks,
// NUL bytes and invalid UTF-8.
var hostile = []string{
	"Name", "Manager.Name", "@Order", "Order", "select", "x' OR '1'='1", `x" OR "1"="1`, "it's",
	`both ' and "`, "a -- comment", "a /* c */ b", "/*", "*/", "--", "a; DELETE", ";", ")", "a) OR (b",
	"Name = 1 OR Name", "NOT", "NULL", ":p", "@", ".", "a..b", "a.", ".a", " Name", "Name ", "a\nb", "a\rb",
	"a\x00b", "\xff\xfe", "caf\xc3", "naïve", "日本", `back\`, `back\'s`, `C:\temp`, "%", "_", "\t", "",
	"'", `"`, "''", `""`, "a,b", "(SELECT Id FROM User)", "1e9", "-1", "2024-01-01", "TRUE",
}

// TestInjection builds a query from every hostile string in every name
// and value position: each is either refused or parses back to the
// intended tree.
func TestInjection(t *testing.T) {
	for _, s := range hostile {
		for _, other := range []string{"Name", s} {
			checkShape(t, shape{field: s, entity: other, field2: other, value: s, alias: s, relation: s, param: s, n: 7, fl: 1.5, b: true})
			checkShape(t, shape{field: other, entity: s, field2: s, value: other, alias: "N", relation: "Resources", param: "p", n: -1, fl: -0.25})
		}
	}
}

// FuzzBuilder feeds random names and values to the builder: the query is
// refused, with a reason the inputs justify, or its text parses back to
// exactly the intended tree, and its request carries the values as given.
// Run it with go test -run='^$' -fuzz=FuzzBuilder -fuzztime=2m .
func FuzzBuilder(f *testing.F) {
	for i, s := range hostile {
		f.Add(s, "Task", hostile[(i+1)%len(hostile)], s, "Cnt", "Resources", "p", int64(i), float64(i)/3, i%2 == 0)
	}
	f.Fuzz(func(t *testing.T, field, entity, field2, value, alias, relation, param string, n int64, fl float64, b bool) {
		checkShape(t, shape{field, entity, field2, value, alias, relation, param, n, fl, b})
		// The value again, with names that are names, so that it always
		// reaches the text.
		checkShape(t, shape{"Name", "Task", "Manager.Name", value, "N", "Resources", "p", n, fl, b})
	})
}

// shape holds the inputs of the query checkShape builds:
//
//	SELECT field, (SELECT field FROM relation WHERE field2 = :param), COUNT(field2) AS alias
//	FROM entity
//	WHERE field = value AND (field2 LIKE value OR field IN (value, n, fl)) AND NOT field2 > b
//	GROUP BY field ORDER BY alias DESC LIMIT 10
type shape struct {
	field, entity, field2, value, alias, relation, param string
	n                                                    int64
	fl                                                   float64
	b                                                    bool
}

// builder builds s with the query builder.
func (s shape) builder() *czql.Builder {
	return s.entityQuery().Aggregate(czql.Count, s.field2, s.alias).GroupBy(s.field).OrderBy(s.alias, czql.Desc)
}

// entityQuery builds s without its aggregate, GROUP BY and ORDER BY: a
// query with a relation has no aggregateQuery.
func (s shape) entityQuery() *czql.Builder {
	return czql.Select(s.field).
		Relation(s.relation, czql.Select(s.field).Where(czql.Eq(s.field2, czql.Param(s.param)))).
		From(s.entity).
		Where(czql.Eq(s.field, s.value), czql.Or(czql.Like(s.field2, s.value), czql.In(s.field, s.value, s.n, s.fl))).
		Where(czql.Not(czql.Gt(s.field2, s.b))).
		Limit(10)
}

// checkShape checks the invariants of the builder on s.
func checkShape(t *testing.T, s shape) {
	t.Helper()
	b := s.builder()
	q, err := b.Query()
	refusal := s.refusal()
	switch {
	case refusal != "" && err == nil:
		t.Fatalf("%+v: Query accepted it, but %s", s, refusal)
	case refusal == "" && err != nil:
		t.Fatalf("%+v: Query: %v", s, err)
	case err != nil:
		checkCodes(t, err, czql.CodeBuild)
		return
	}
	want := ast.Sprint(s.tree(), false)
	if got := ast.Sprint(q, false); got != want {
		t.Fatalf("%+v: Query gives another tree:\n%s", s, golden.Diff(want, got))
	}
	checkText(t, s, b, want)
	checkRequest(t, s, s.entityQuery())
}

// checkText checks that CZQL refuses only what the text cannot hold, and
// that its text parses back to the intended tree.
func checkText(t *testing.T, s shape, b *czql.Builder, want string) {
	t.Helper()
	text, err := b.CZQL()
	if noText(s.value) {
		if err == nil {
			t.Fatalf("%+v: CZQL wrote %q", s, text)
		}
		checkCodes(t, err, czql.CodeNoText)
		return
	}
	if err != nil {
		t.Fatalf("%+v: CZQL: %v", s, err)
	}
	back, diags := czql.ParseQuery(text)
	if diags.HasErrors() {
		t.Fatalf("%+v: the text does not parse: %v\n%s", s, diags, text)
	}
	if got := ast.Sprint(back, false); got != want {
		t.Fatalf("%+v: the text parses to another tree:\n%s\n%s", s, text, golden.Diff(want, got))
	}
}

// checkRequest checks that the request carries the value as given.
func checkRequest(t *testing.T, s shape, b *czql.Builder) {
	t.Helper()
	req, diags := b.Request(czql.WithParams(map[string]any{s.param: s.value}))
	if diags.HasErrors() {
		t.Fatalf("%+v: Request: %v", s, diags)
	}
	body := req.Body.(*api.EntityQuery)
	if got := body.Where.Operands[0].Right.Value; got != s.value {
		t.Fatalf("%+v: the request compares with %q", s, got)
	}
}

// checkCodes fails unless err is a diag.List of diagnostics of code.
func checkCodes(t *testing.T, err error, code string) {
	t.Helper()
	var diags diag.List
	if !errors.As(err, &diags) {
		t.Fatalf("error %v is not a diag.List", err)
	}
	for _, d := range diags {
		if d.Code != code {
			t.Fatalf("diagnostic %v, want code %s", d, code)
		}
	}
}

// refusal says why s must be refused, or returns "": a name that is not
// a name (or a dot path of names, for fields), a value that is not UTF-8,
// a float that is no number.
func (s shape) refusal() string {
	for _, f := range []string{s.field, s.field2} {
		if !isPath(f) {
			return strconv.Quote(f) + " is not a field"
		}
	}
	for _, n := range []string{s.entity, s.alias, s.relation} {
		if !lexer.IsName(strings.TrimPrefix(n, "@")) {
			return strconv.Quote(n) + " is not a name"
		}
	}
	switch {
	case !lexer.IsName(strings.TrimPrefix(s.param, ":")):
		return "the parameter's name is not a name"
	case !utf8.ValidString(s.value):
		return "the value is not UTF-8"
	case math.IsNaN(s.fl) || math.IsInf(s.fl, 0):
		return "the float is no number"
	}
	return ""
}

// isPath reports whether f is names joined by dots, each with an
// optional '@'.
func isPath(f string) bool {
	for _, seg := range strings.Split(f, ".") {
		if !lexer.IsName(strings.TrimPrefix(seg, "@")) {
			return false
		}
	}
	return true
}

// noText reports whether CZQL text cannot hold v: a line break, a NUL, both
// quotes, or a backslash that would read as an escape.
func noText(v string) bool {
	if strings.ContainsAny(v, "\n\x00") || strings.Contains(v, "'") && strings.Contains(v, `"`) {
		return true
	}
	for i := range len(v) {
		if v[i] == '\\' && (i+1 == len(v) || strings.ContainsRune(`\'"`, rune(v[i+1]))) {
			return true
		}
	}
	return false
}

// tree builds the intended tree of s by hand.
func (s shape) tree() *ast.Query {
	str := func() ast.Literal { return &ast.StringLit{Value: s.value} }
	sub := &ast.Query{
		Select: &ast.SelectClause{Items: []ast.SelectItem{path(s.field)}},
		From:   &ast.FromClause{Entity: name(s.relation)},
		Where:  &ast.WhereClause{Cond: &ast.CompareExpr{X: path(s.field2), Op: ast.Eq, Y: &ast.ParamRef{Name: strings.TrimPrefix(s.param, ":")}}},
	}
	or := &ast.BinaryExpr{
		X:  &ast.LikeExpr{X: path(s.field2), Pattern: str()},
		Op: ast.Or,
		Y: &ast.InExpr{X: path(s.field), List: []ast.Literal{str(),
			&ast.NumberLit{Raw: strconv.FormatInt(s.n, 10)}, &ast.NumberLit{Raw: strconv.FormatFloat(s.fl, 'f', -1, 64)}}},
	}
	cond := &ast.BinaryExpr{
		X:  &ast.BinaryExpr{X: &ast.CompareExpr{X: path(s.field), Op: ast.Eq, Y: str()}, Op: ast.And, Y: &ast.ParenExpr{X: or}},
		Op: ast.And,
		Y:  &ast.NotExpr{X: &ast.CompareExpr{X: path(s.field2), Op: ast.Gt, Y: &ast.BoolLit{Value: s.b}}},
	}
	return &ast.Query{
		Select: &ast.SelectClause{Items: []ast.SelectItem{path(s.field),
			&ast.RelationQuery{Query: sub},
			&ast.AggregateExpr{Func: ast.Count, Arg: path(s.field2), Alias: name(s.alias)}}},
		From:    &ast.FromClause{Entity: name(s.entity)},
		Where:   &ast.WhereClause{Cond: cond},
		GroupBy: &ast.GroupByClause{Fields: []*ast.FieldRef{path(s.field)}},
		OrderBy: &ast.OrderByClause{Items: []*ast.OrderItem{{Field: path(s.alias), Dir: ast.Desc}}},
		Limit:   &ast.LimitClause{Value: &ast.NumberLit{Raw: "10"}},
	}
}

// name is the identifier n, without its '@'.
func name(n string) *ast.Ident { return &ast.Ident{Name: strings.TrimPrefix(n, "@")} }

// path is the field f.
func path(f string) *ast.FieldRef {
	ref := &ast.FieldRef{}
	for _, seg := range strings.Split(f, ".") {
		ref.Segments = append(ref.Segments, name(seg))
	}
	return ref
}
