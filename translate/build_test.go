package translate_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
)

// Builders for hand-made trees: zero ranges, as the reverse direction
// produces.

func fld(path string) *ast.FieldRef {
	f := &ast.FieldRef{}
	for _, s := range strings.Split(path, ".") {
		f.Segments = append(f.Segments, &ast.Ident{Name: s})
	}
	return f
}

func str(s string) *ast.StringLit   { return &ast.StringLit{Value: s} }
func num(raw string) *ast.NumberLit { return &ast.NumberLit{Raw: raw} }
func date(raw string) *ast.DateLit  { return &ast.DateLit{Raw: raw} }
func param(n string) *ast.ParamRef  { return &ast.ParamRef{Name: n} }

func cmp(field string, op ast.CompareOp, y ast.Literal) *ast.CompareExpr {
	return &ast.CompareExpr{X: fld(field), Op: op, Y: y}
}

func and(x, y ast.Expr) *ast.BinaryExpr { return &ast.BinaryExpr{X: x, Op: ast.And, Y: y} }
func or(x, y ast.Expr) *ast.BinaryExpr  { return &ast.BinaryExpr{X: x, Op: ast.Or, Y: y} }
func par(x ast.Expr) *ast.ParenExpr     { return &ast.ParenExpr{X: x} }
func not(x ast.Expr) *ast.NotExpr       { return &ast.NotExpr{X: x} }

func in(field string, not bool, vals ...ast.Literal) *ast.InExpr {
	return &ast.InExpr{X: fld(field), Not: not, List: vals}
}

func like(field string, not bool, pat string) *ast.LikeExpr {
	return &ast.LikeExpr{X: fld(field), Not: not, Pattern: str(pat)}
}

// query builds SELECT items FROM entity [WHERE cond].
func query(entity string, cond ast.Expr, items ...ast.SelectItem) *ast.Query {
	q := &ast.Query{
		Select: &ast.SelectClause{Items: items},
		From:   &ast.FromClause{Entity: &ast.Ident{Name: entity}},
	}
	if cond != nil {
		q.Where = &ast.WhereClause{Cond: cond}
	}
	return q
}

// fields returns the FieldRefs of the dotted paths as select items.
func fields(paths ...string) []ast.SelectItem {
	items := make([]ast.SelectItem, len(paths))
	for i, p := range paths {
		items[i] = fld(p)
	}
	return items
}

// bodyJSON translates q and returns its body as compact JSON, failing the
// test on errors.
func bodyJSON(t *testing.T, q *ast.Query, opts *translate.Options) string {
	t.Helper()
	req, diags := translate.Query(q, opts)
	if diags.HasErrors() || req == nil {
		t.Fatalf("Query: %v", diags)
	}
	return compact(t, req.Body)
}

// whereJSON translates SELECT Name FROM Task WHERE cond and returns the
// where as compact JSON.
func whereJSON(t *testing.T, cond ast.Expr, opts *translate.Options) string {
	t.Helper()
	var body struct {
		Where json.RawMessage `json:"where"`
	}
	if err := json.Unmarshal([]byte(bodyJSON(t, query("Task", cond, fld("Name")), opts)), &body); err != nil {
		t.Fatal(err)
	}
	return string(body.Where)
}

// compact encodes v on one line; see [encode].
func compact(t *testing.T, v any) string {
	t.Helper()
	return strings.TrimSuffix(encode(t, v, ""), "\n")
}

// encode encodes v with the given indent and a final newline, without
// HTML escapes, so golden files show > and & as written.
func encode(t *testing.T, v any, indent string) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// codes lists the severity[code] of each diagnostic.
func codes(l diag.List) string {
	var parts []string
	for _, d := range l {
		parts = append(parts, d.Severity.String()+"["+d.Code+"]")
	}
	return strings.Join(parts, " ")
}

// rng returns a one-line range [start, end) on line 1.
func rng(start, end int) diag.Range {
	return diag.Range{
		Start: diag.Pos{Offset: start, Line: 1, Col: start + 1},
		End:   diag.Pos{Offset: end, Line: 1, Col: end + 1},
	}
}
