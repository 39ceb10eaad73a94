package grammar

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// lowerer converts a complete concrete tree into package ast, with the
// ranges the parser gives. It needs the czql tokens of the source (for the
// ranges of AND and OR, which the tree does not capture) and its lines.
type lowerer struct {
	toks  []lexer.Token // the tokens, without comments, ending with EOF
	lines *diag.LineTable
}

func newLowerer(toks []lexer.Token, lines *diag.LineTable) *lowerer {
	return &lowerer{toks: toks, lines: lines}
}

// rng returns the range of a captured token.
func (l *lowerer) rng(t plexer.Token) diag.Range {
	return l.lines.Range(t.Pos.Offset, t.Pos.Offset+len(t.Value))
}

// query lowers a query. Its range runs from SELECT to the end of its last
// clause.
func (l *lowerer) query(q *query) *ast.Query {
	out := &ast.Query{}
	rng := l.rng(q.Select)
	out.Select = l.selectClause(q)
	rng = rng.Cover(out.Select.Range())
	out.From = &ast.FromClause{Keyword: l.rng(q.From.Keyword), Entity: l.ident(q.From.Entity)}
	rng = rng.Cover(out.From.Range())
	if q.Where != nil {
		cond, r := l.condition(q.Where.Cond)
		out.Where = &ast.WhereClause{Keyword: l.rng(q.Where.Keyword), Cond: cond}
		rng = rng.Cover(out.Where.Keyword.Cover(r))
	}
	if q.GroupBy != nil {
		out.GroupBy = l.groupBy(q.GroupBy)
		rng = rng.Cover(out.GroupBy.Range())
	}
	if q.OrderBy != nil {
		out.OrderBy = l.orderBy(q.OrderBy)
		rng = rng.Cover(out.OrderBy.Range())
	}
	if q.Limit != nil {
		out.Limit = &ast.LimitClause{Keyword: l.rng(q.Limit.Keyword), Value: l.literal(q.Limit.Value)}
		rng = rng.Cover(out.Limit.Range())
	}
	if q.Offset != nil {
		out.Offset = &ast.OffsetClause{Keyword: l.rng(q.Offset.Keyword), Value: l.literal(q.Offset.Value)}
		rng = rng.Cover(out.Offset.Range())
	}
	out.Rng = rng
	return out
}

// selectClause lowers the SELECT keyword and list.
func (l *lowerer) selectClause(q *query) *ast.SelectClause {
	c := &ast.SelectClause{Keyword: l.rng(q.Select), Items: make([]ast.SelectItem, 0, len(q.Items))}
	for _, it := range q.Items {
		c.Items = append(c.Items, l.selectItem(it))
	}
	return c
}

// selectItem lowers one item of a SELECT list.
func (l *lowerer) selectItem(it *selectItem) ast.SelectItem {
	switch {
	case it.Aggregate != nil:
		return l.aggregate(it.Aggregate)
	case it.Relation != nil:
		r := it.Relation
		return &ast.RelationQuery{Lparen: l.rng(r.Lparen), Query: l.query(r.Query), Rparen: l.rng(r.Rparen)}
	}
	return l.field(it.Field)
}

// aggregate lowers `FUNC(field) [AS alias]`.
func (l *lowerer) aggregate(a *aggregate) *ast.AggregateExpr {
	out := &ast.AggregateExpr{
		Func:    aggFunc(a.Func.Value),
		FuncRng: l.rng(a.Func),
		Arg:     l.field(a.Arg),
		Rparen:  l.rng(a.Rparen),
	}
	if a.Alias != nil {
		out.Alias = l.ident(*a.Alias)
	}
	return out
}

// aggFunc returns the aggregate function named by s in any case.
func aggFunc(s string) ast.AggFunc {
	for _, f := range []ast.AggFunc{ast.Count, ast.Sum, ast.Avg, ast.Min, ast.Max} {
		if strings.EqualFold(s, string(f)) {
			return f
		}
	}
	return ast.AggFunc(s)
}

// groupBy lowers `GROUP BY field, …`.
func (l *lowerer) groupBy(g *groupBy) *ast.GroupByClause {
	out := &ast.GroupByClause{Keyword: l.rng(g.Group).Cover(l.rng(g.By))}
	for _, f := range g.Fields {
		out.Fields = append(out.Fields, l.field(f))
	}
	return out
}

// orderBy lowers `ORDER BY item, …`.
func (l *lowerer) orderBy(o *orderBy) *ast.OrderByClause {
	out := &ast.OrderByClause{Keyword: l.rng(o.Order).Cover(l.rng(o.By))}
	for _, it := range o.Items {
		item := &ast.OrderItem{Field: l.field(it.Field)}
		if it.Dir != nil {
			item.Dir, item.DirRng = ast.Asc, l.rng(*it.Dir)
			if strings.EqualFold(it.Dir.Value, "DESC") {
				item.Dir = ast.Desc
			}
		}
		out.Items = append(out.Items, item)
	}
	return out
}

// field lowers a dot path; Path holds the names and the dots between them.
func (l *lowerer) field(f *fieldRef) *ast.FieldRef {
	out := &ast.FieldRef{Segments: make([]*ast.Ident, (len(f.Path)+1)/2)}
	for i := range out.Segments {
		out.Segments[i] = l.ident(f.Path[2*i])
	}
	return out
}

// ident lowers a name token: the name without its `@`, the range with it.
func (l *lowerer) ident(t plexer.Token) *ast.Ident {
	id := &ast.Ident{Name: t.Value, Rng: l.rng(t)}
	if kindOf(t.Type) == lexer.AtIdent {
		id.Name = t.Value[1:]
	}
	return id
}

// literal lowers a literal token. Strings are unquoted; numbers and dates
// keep their text.
func (l *lowerer) literal(t plexer.Token) ast.Literal {
	r := l.rng(t)
	switch kindOf(t.Type) {
	case lexer.String:
		v, _ := lexer.Unquote(t.Value)
		return &ast.StringLit{Value: v, Rng: r}
	case lexer.Number:
		return &ast.NumberLit{Raw: t.Value, Rng: r}
	case lexer.Date:
		return &ast.DateLit{Raw: t.Value, Rng: r}
	case lexer.Param:
		return &ast.ParamRef{Name: t.Value[1:], Rng: r}
	}
	switch {
	case strings.EqualFold(t.Value, "TRUE"):
		return &ast.BoolLit{Value: true, Rng: r}
	case strings.EqualFold(t.Value, "FALSE"):
		return &ast.BoolLit{Value: false, Rng: r}
	}
	return &ast.NullLit{Rng: r}
}
