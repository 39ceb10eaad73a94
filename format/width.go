package format

import (
	"unicode/utf8"

	"github.com/czql/czql/ast"
)

// The widths below mirror what the layout functions print on one line;
// TestWidth checks them against the printer.

// width returns the length in runes of n printed on one line, memoized.
func (p *printer) width(n ast.Node) int {
	if isNilNode(n) {
		return 0
	}
	if w, ok := p.widths[n]; ok {
		return w
	}
	w := p.measure(n)
	if p.widths == nil {
		p.widths = map[ast.Node]int{}
	}
	p.widths[n] = w
	return w
}

// measure computes the width of n from the widths of its children.
func (p *printer) measure(n ast.Node) int {
	switch n := n.(type) {
	case *ast.Query:
		return p.queryWidth(n)
	case *ast.SelectClause:
		return len("SELECT") + p.listWidth(len(n.Items), func(i int) int { return p.width(n.Items[i]) })
	case *ast.FromClause:
		return len("FROM ") + p.width(n.Entity)
	case *ast.WhereClause:
		return len("WHERE ") + p.width(n.Cond)
	case *ast.GroupByClause:
		return len("GROUP BY") + p.listWidth(len(n.Fields), func(i int) int { return p.width(n.Fields[i]) })
	case *ast.OrderByClause:
		return len("ORDER BY") + p.listWidth(len(n.Items), func(i int) int { return p.width(n.Items[i]) })
	case *ast.LimitClause:
		return len("LIMIT ") + p.width(n.Value)
	case *ast.OffsetClause:
		return len("OFFSET ") + p.width(n.Value)
	case *ast.OrderItem:
		return p.width(n.Field) + dirWidth(n.Dir)
	case *ast.Ident:
		return runes(nameText(n.Name, false))
	case *ast.FieldRef:
		return fieldWidth(n)
	case *ast.AggregateExpr:
		return p.aggregateWidth(n)
	case *ast.RelationQuery:
		return 2 + p.width(n.Query)
	case ast.Expr:
		return p.exprWidth(n)
	}
	return 0
}

func (p *printer) queryWidth(q *ast.Query) int {
	w := 0
	for _, c := range []ast.Node{q.Select, q.From, q.Where, q.GroupBy, q.OrderBy, q.Limit, q.Offset} {
		if !isNilNode(c) {
			w += p.width(c) + 1
		}
	}
	return max(w-1, 0)
}

// listWidth returns the width of n items after a keyword: " a, b".
func (p *printer) listWidth(n int, item func(i int) int) int {
	w := 0
	for i := range n {
		w += 2 + item(i)
	}
	return max(w-1, 0)
}

func (p *printer) aggregateWidth(a *ast.AggregateExpr) int {
	w := len(a.Func) + 2 + fieldWidth(a.Arg)
	if a.Alias != nil {
		w += len(" AS ") + p.width(a.Alias)
	}
	return w
}

// exprWidth returns the width of a condition or literal.
func (p *printer) exprWidth(e ast.Expr) int {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		operands, _ := chain(e)
		w := (len(operands) - 1) * (len(e.Op.String()) + 2)
		for i, x := range operands {
			w += p.width(x) + parensWidth(needsParens(x, parentPrec(e.Op, i > 0)))
		}
		return w
	case *ast.NotExpr:
		return len("NOT ") + p.width(e.X) + parensWidth(needsParens(e.X, precNot))
	case *ast.ParenExpr:
		return 2 + p.width(e.X)
	case *ast.CompareExpr:
		return fieldWidth(e.X) + 2 + len(e.Op.String()) + p.width(e.Y)
	case *ast.InExpr:
		w := fieldWidth(e.X) + len(" "+notPrefix(e.Not)+"IN ()")
		if e.Query != nil {
			return w + p.width(e.Query)
		}
		if len(e.List) == 0 {
			return w
		}
		return w - 1 + p.listWidth(len(e.List), func(i int) int { return p.width(e.List[i]) })
	case *ast.LikeExpr:
		return fieldWidth(e.X) + len(" "+notPrefix(e.Not)+"LIKE ") + p.width(e.Pattern)
	case ast.Literal:
		text, _ := literalText(e)
		return runes(text)
	}
	return 0
}

// fieldWidth returns the width of a field path with its `@` escapes.
func fieldWidth(f *ast.FieldRef) int {
	if f == nil {
		return 0
	}
	w := len(f.Segments) - 1
	for i, s := range f.Segments {
		if s != nil {
			w += runes(nameText(s.Name, i == 0))
		}
	}
	return w
}

func dirWidth(d ast.Direction) int {
	switch d {
	case ast.Asc:
		return len(" ASC")
	case ast.Desc:
		return len(" DESC")
	}
	return 0
}

func parensWidth(paren bool) int {
	if paren {
		return 2
	}
	return 0
}

func runes(s string) int { return utf8.RuneCountInString(s) }
