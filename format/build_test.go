package format

import (
	"strings"

	"github.com/czql/czql/ast"
)

// Helpers that build trees by hand, without ranges, as the translator's
// reverse direction does.

func fld(path string) *ast.FieldRef {
	f := &ast.FieldRef{}
	for _, s := range strings.Split(path, ".") {
		f.Segments = append(f.Segments, &ast.Ident{Name: s})
	}
	return f
}

func id(name string) *ast.Ident { return &ast.Ident{Name: name} }

func str(v string) *ast.StringLit { return &ast.StringLit{Value: v} }

func num(raw string) *ast.NumberLit { return &ast.NumberLit{Raw: raw} }

func cmp(path string, op ast.CompareOp, y ast.Literal) *ast.CompareExpr {
	return &ast.CompareExpr{X: fld(path), Op: op, Y: y}
}

func and(x, y ast.Expr) *ast.BinaryExpr { return &ast.BinaryExpr{X: x, Op: ast.And, Y: y} }

func or(x, y ast.Expr) *ast.BinaryExpr { return &ast.BinaryExpr{X: x, Op: ast.Or, Y: y} }

func paren(x ast.Expr) *ast.ParenExpr { return &ast.ParenExpr{X: x} }

// sel builds `SELECT items FROM entity [WHERE cond]`.
func sel(entity string, cond ast.Expr, items ...ast.SelectItem) *ast.Query {
	q := &ast.Query{
		Select: &ast.SelectClause{Items: items},
		From:   &ast.FromClause{Entity: id(entity)},
	}
	if cond != nil {
		q.Where = &ast.WhereClause{Cond: cond}
	}
	return q
}

func fields(paths ...string) []ast.SelectItem {
	var items []ast.SelectItem
	for _, p := range paths {
		items = append(items, fld(p))
	}
	return items
}
