package czql

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/validate"
)

// queryKind is where a query built from a Builder goes.
type queryKind int

const (
	topQuery      queryKind = iota // a statement
	relationQuery                  // a relation sub-select in a SELECT list
	inSubquery                     // the sub-select of IN (SELECT …)
)

// Query returns the syntax tree of the query, a new one at each call. The
// error is a [diag.List] of every problem found: mistakes in the calls
// (see [Builder]) and, with [WithMetadata] given to [Builder.With], the
// errors of the checks against the metadata.
func (b *Builder) Query() (*ast.Query, error) {
	q, diags := b.checked()
	if diags.HasErrors() {
		return nil, diags
	}
	return q, nil
}

// checked builds the query and checks it against the metadata of b's
// options, if any.
func (b *Builder) checked() (*ast.Query, diag.List) {
	q, diags := b.tree()
	if diags.HasErrors() {
		return nil, diags
	}
	o := collect(b.options())
	if o.md == nil {
		return q, nil
	}
	_, ds := validate.Check(q, o.md)
	return q, sorted(o.cfg.Apply(ds))
}

// options returns b's options (none for a nil b).
func (b *Builder) options() []Option {
	if b == nil {
		return nil
	}
	return b.opts
}

// tree builds the query's syntax tree, without checks.
func (b *Builder) tree() (*ast.Query, diag.List) {
	bd := &build{}
	q := bd.query(b, topQuery, "czql.Select")
	if len(bd.errs) > 0 {
		return nil, bd.errs
	}
	return q, nil
}

// query builds b as a query of kind k; fn names the call that made it
// for messages.
func (bd *build) query(b *Builder, k queryKind, fn string) *ast.Query {
	if b == nil {
		b = &Builder{}
	}
	q := &ast.Query{Select: &ast.SelectClause{}}
	bd.selectList(b, k, fn, q.Select)
	bd.fromClause(b, k, fn, q)
	if len(b.where) > 0 {
		xs := make([]ast.Expr, len(b.where))
		for i, c := range b.where {
			xs[i] = c.node(bd, "Builder.Where")
		}
		q.Where = &ast.WhereClause{Cond: join(ast.And, xs)}
	}
	bd.groupBy(b, k, fn, q)
	bd.orderBy(b, k, fn, q)
	bd.paging(b, k, fn, q)
	return q
}

// selectList builds the SELECT items of b.
func (bd *build) selectList(b *Builder, k queryKind, fn string, sel *ast.SelectClause) {
	if len(b.items) == 0 {
		bd.errorf("%s: the query selects nothing", fn)
	}
	for _, it := range b.items {
		switch it.kind {
		case fieldItem:
			sel.Items = append(sel.Items, bd.field("czql.Select", it.field))
		case aggregateItem:
			if k != topQuery {
				bd.errorf("%s: a sub-query cannot have aggregates", fn)
			}
			sel.Items = append(sel.Items, bd.aggregate(it))
		case relationItem:
			if k == inSubquery {
				bd.errorf("%s: the sub-query of IN cannot have relations", fn)
			}
			sel.Items = append(sel.Items, bd.relation(it))
		}
	}
}

// aggregate builds `FUNC(field) [AS alias]`.
func (bd *build) aggregate(it item) *ast.AggregateExpr {
	a := &ast.AggregateExpr{Func: it.fn, Arg: bd.field("Builder.Aggregate", it.field)}
	switch it.fn {
	case Count, Sum, Avg, Min, Max:
	default:
		bd.errorf("Builder.Aggregate: %q is not an aggregate function; use czql.Count, Sum, Avg, Min or Max", string(it.fn))
		a.Func = ast.Count
	}
	if it.alias != "" {
		a.Alias = bd.ident("Builder.Aggregate", "alias", it.alias)
	}
	return a
}

// relation builds `(SELECT … FROM name …)`.
func (bd *build) relation(it item) *ast.RelationQuery {
	if it.sub == nil {
		bd.errorf("Builder.Relation: relation %q has a nil sub-query", it.field)
	}
	q := bd.query(it.sub, relationQuery, "Builder.Relation")
	q.From = &ast.FromClause{Entity: bd.ident("Builder.Relation", "relation", it.field)}
	return &ast.RelationQuery{Query: q}
}

// subquery builds the sub-select of IN for the call fn.
func (bd *build) subquery(fn string, sub *Builder) *ast.Query {
	if sub == nil {
		bd.errorf("%s: nil sub-query", fn)
	}
	return bd.query(sub, inSubquery, fn)
}

// fromClause builds FROM: required, but in a relation sub-query, which
// takes the relation's name.
func (bd *build) fromClause(b *Builder, k queryKind, fn string, q *ast.Query) {
	switch {
	case k == relationQuery && b.hasFrom:
		bd.errorf("%s: a relation sub-query has no FROM of its own (the relation is its FROM), but it has FROM %q", fn, b.from)
	case k == relationQuery:
	case !b.hasFrom:
		bd.errorf("%s: the query has no FROM; call From", fn)
	default:
		q.From = &ast.FromClause{Entity: bd.ident("Builder.From", "entity", b.from)}
	}
}

// groupBy builds GROUP BY, which only a query (not a sub-query) has.
func (bd *build) groupBy(b *Builder, k queryKind, fn string, q *ast.Query) {
	if len(b.groupBy) == 0 {
		return
	}
	if k != topQuery {
		bd.errorf("%s: a sub-query cannot have GROUP BY", fn)
	}
	q.GroupBy = &ast.GroupByClause{}
	for _, f := range b.groupBy {
		q.GroupBy.Fields = append(q.GroupBy.Fields, bd.field("Builder.GroupBy", f))
	}
}

// orderBy builds ORDER BY, which the sub-query of IN cannot have.
func (bd *build) orderBy(b *Builder, k queryKind, fn string, q *ast.Query) {
	if len(b.orders) == 0 {
		return
	}
	if k == inSubquery {
		bd.errorf("%s: the sub-query of IN cannot have ORDER BY", fn)
	}
	q.OrderBy = &ast.OrderByClause{}
	for _, o := range b.orders {
		it := &ast.OrderItem{Field: bd.field("Builder.OrderBy", o.field), Dir: ast.Asc}
		switch o.dir {
		case Asc:
		case Desc:
			it.Dir = ast.Desc
		default:
			bd.errorf("Builder.OrderBy: %d is not a direction; use czql.Asc or czql.Desc", int(o.dir))
		}
		q.OrderBy.Items = append(q.OrderBy.Items, it)
	}
}

// paging builds LIMIT and OFFSET, which only a query has.
func (bd *build) paging(b *Builder, k queryKind, fn string, q *ast.Query) {
	if k != topQuery && (b.hasLim || b.hasOff) {
		bd.errorf("%s: a sub-query cannot have LIMIT or OFFSET", fn)
	}
	if b.hasLim {
		q.Limit = &ast.LimitClause{Value: bd.count("Builder.Limit", b.limit)}
	}
	if b.hasOff {
		q.Offset = &ast.OffsetClause{Value: bd.count("Builder.Offset", b.offset)}
	}
}

// count builds the number of a LIMIT or an OFFSET.
func (bd *build) count(fn string, n int) ast.Literal {
	if n < 0 {
		bd.errorf("%s: %d is negative", fn, n)
	}
	return bd.value(fn, n)
}
