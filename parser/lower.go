package parser

import (
	"strings"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// queryKind says where a query stands, which decides the clauses it may
// have.
type queryKind int

const (
	topQuery    queryKind = iota // a statement
	relSubquery                  // a relation sub-select in a SELECT list
	inSubquery                   // an IN sub-query
)

// lowerer converts the concrete tree of one statement into package ast.
// It tolerates a partial tree: a missing part becomes nil, or an
// [ast.BadExpr] at the point where parsing stopped.
type lowerer struct {
	toks     []plexer.Token
	errRange diag.Range // empty range where parsing stopped
	diags    diag.List  // unsupported clauses of sub-queries

	// Field paths are the most numerous nodes; they come from slabs.
	idents slab[ast.Ident]
	fields slab[ast.FieldRef]
	segs   slab[*ast.Ident]
}

func newLowerer(toks []plexer.Token, syn *diag.Diagnostic) *lowerer {
	p := lexer.PosOf(toks[len(toks)-1].Pos)
	if syn != nil {
		p = syn.Range.Start
	}
	n := 0 // names, an upper bound of the idents
	for _, t := range toks {
		if isNameToken(t) {
			n++
		}
	}
	return &lowerer{
		toks: toks, errRange: diag.Range{Start: p, End: p},
		idents: newSlab[ast.Ident](n), fields: newSlab[ast.FieldRef](n/2 + 1), segs: newSlab[*ast.Ident](n),
	}
}

// statement lowers a whole statement; a statement that does not even
// start with SELECT gives an empty query spanning its tokens.
func (l *lowerer) statement(q *query) *ast.Query {
	if q == nil || q.Select.Value == "" {
		return &ast.Query{Rng: tokensRange(l.toks)}
	}
	return l.query(q, topQuery)
}

// query lowers a query of the given kind. Its range runs from SELECT to
// the end of its last clause; it is computed here rather than through the
// clauses' Range methods, which recurse through long AND/OR chains.
func (l *lowerer) query(q *query, kind queryKind) *ast.Query {
	out := &ast.Query{}
	rng := lexer.Range(q.Select)
	out.Select = l.selectClause(q, kind)
	rng = rng.Cover(out.Select.Range())
	if q.From != nil {
		out.From = &ast.FromClause{Keyword: lexer.Range(q.From.Keyword)}
		if q.From.Entity.Value != "" {
			out.From.Entity = l.ident(q.From.Entity)
		}
		rng = rng.Cover(out.From.Range())
	}
	if q.Where != nil {
		cond, r := l.condition(q.Where.Cond, l.errRange)
		out.Where = &ast.WhereClause{Keyword: lexer.Range(q.Where.Keyword), Cond: cond}
		rng = rng.Cover(out.Where.Keyword.Cover(r))
	}
	if q.GroupBy != nil {
		out.GroupBy = l.groupBy(q.GroupBy, kind)
		rng = rng.Cover(out.GroupBy.Range())
	}
	if q.OrderBy != nil {
		out.OrderBy = l.orderBy(q.OrderBy, kind)
		rng = rng.Cover(out.OrderBy.Range())
	}
	if q.Limit != nil {
		out.Limit = &ast.LimitClause{Keyword: lexer.Range(q.Limit.Keyword), Value: valueOf(q.Limit.Value)}
		l.notIn(kind, out.Limit.Keyword, "LIMIT")
		rng = rng.Cover(out.Limit.Range())
	}
	if q.Offset != nil {
		out.Offset = &ast.OffsetClause{Keyword: lexer.Range(q.Offset.Keyword), Value: valueOf(q.Offset.Value)}
		l.notIn(kind, out.Offset.Keyword, "OFFSET")
		rng = rng.Cover(out.Offset.Range())
	}
	out.Rng = rng
	return out
}

// valueOf lowers the value of LIMIT or OFFSET, or returns nil if
// participle did not capture one.
func valueOf(t plexer.Token) ast.Literal {
	if t.Value == "" {
		return nil
	}
	return lowerLiteral(t)
}

// notIn reports a clause that a sub-query of the given kind may not have.
func (l *lowerer) notIn(kind queryKind, r diag.Range, what string) {
	switch kind {
	case relSubquery:
		l.unsupported(r, what+" is not allowed in a relation sub-select")
	case inSubquery:
		l.unsupported(r, what+" is not allowed in an IN sub-query")
	}
}

// unsupported records an unsupported-code error.
func (l *lowerer) unsupported(r diag.Range, msg string) {
	l.diags = append(l.diags, diag.Errorf(CodeUnsupported, r, "%s", msg))
}

// selectClause lowers the SELECT keyword and list.
func (l *lowerer) selectClause(q *query, kind queryKind) *ast.SelectClause {
	c := &ast.SelectClause{Keyword: lexer.Range(q.Select), Items: make([]ast.SelectItem, 0, len(q.Items))}
	for _, it := range q.Items {
		if item := l.selectItem(it, kind); item != nil {
			c.Items = append(c.Items, item)
		}
	}
	return c
}

// selectItem lowers one item of a SELECT list, or returns nil for an item
// that participle left empty.
func (l *lowerer) selectItem(it *selectItem, kind queryKind) ast.SelectItem {
	switch {
	case it == nil:
		return nil
	case it.Aggregate != nil:
		return l.aggregate(it.Aggregate, kind)
	case it.Relation != nil:
		return l.relation(it.Relation, kind)
	case it.Field != nil:
		if f := l.field(it.Field); f != nil {
			return f
		}
	}
	return nil
}

// aggregate lowers `FUNC(field) [AS alias]`.
func (l *lowerer) aggregate(a *aggregate, kind queryKind) *ast.AggregateExpr {
	out := &ast.AggregateExpr{
		Func:    aggFunc(a.Func.Value),
		FuncRng: lexer.Range(a.Func),
		Arg:     l.field(a.Arg),
		Rparen:  tokenRange(a.Rparen),
	}
	if a.Alias != nil {
		out.Alias = l.ident(*a.Alias)
	}
	l.notIn(kind, out.Range(), "an aggregate")
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

// relation lowers a relation sub-select. Only a statement's SELECT list
// may hold one.
func (l *lowerer) relation(r *relationQuery, kind queryKind) *ast.RelationQuery {
	out := &ast.RelationQuery{Lparen: lexer.Range(r.Lparen), Rparen: tokenRange(r.Rparen)}
	if r.Query != nil && r.Query.Select.Value != "" {
		out.Query = l.query(r.Query, relSubquery)
	}
	switch kind {
	case relSubquery:
		l.unsupported(out.Range(), "relation sub-selects cannot be nested")
	case inSubquery:
		l.unsupported(out.Range(), "a relation sub-select is not allowed in an IN sub-query")
	}
	return out
}

// groupBy lowers `GROUP BY field, …`.
func (l *lowerer) groupBy(g *groupBy, kind queryKind) *ast.GroupByClause {
	out := &ast.GroupByClause{Keyword: lexer.Range(g.Group).Cover(tokenRange(g.By))}
	for _, f := range g.Fields {
		if fr := l.field(f); fr != nil {
			out.Fields = append(out.Fields, fr)
		}
	}
	l.notIn(kind, out.Keyword, "GROUP BY")
	return out
}

// orderBy lowers `ORDER BY item, …`. A relation sub-select may sort.
func (l *lowerer) orderBy(o *orderBy, kind queryKind) *ast.OrderByClause {
	out := &ast.OrderByClause{Keyword: lexer.Range(o.Order).Cover(tokenRange(o.By))}
	for _, it := range o.Items {
		if it == nil {
			continue
		}
		f := l.field(it.Field)
		if f == nil {
			continue
		}
		item := &ast.OrderItem{Field: f}
		if it.Dir != nil {
			item.Dir, item.DirRng = ast.Asc, lexer.Range(*it.Dir)
			if strings.EqualFold(it.Dir.Value, "DESC") {
				item.Dir = ast.Desc
			}
		}
		out.Items = append(out.Items, item)
	}
	if kind == inSubquery {
		l.notIn(kind, out.Keyword, "ORDER BY")
	}
	return out
}

// field lowers a dot path, or returns nil for an empty one.
func (l *lowerer) field(f *fieldRef) *ast.FieldRef {
	if f == nil || len(f.Path) == 0 {
		return nil
	}
	out := l.fields.new()
	out.Segments = l.segs.slice((len(f.Path) + 1) / 2)
	for i := range out.Segments {
		out.Segments[i] = l.ident(f.Path[2*i])
	}
	return out
}

// ident lowers a name token: the name without its `@`, the range with it.
func (l *lowerer) ident(t plexer.Token) *ast.Ident {
	id := l.idents.new()
	id.Name, id.Rng = t.Value, lexer.Range(t)
	if t.Type == lexer.AtIdent {
		id.Name = t.Value[1:]
	}
	return id
}

// tokenRange returns the range of a captured token, or the zero range for
// a token participle did not capture.
func tokenRange(t plexer.Token) diag.Range {
	if t.Value == "" {
		return diag.Range{}
	}
	return lexer.Range(t)
}
