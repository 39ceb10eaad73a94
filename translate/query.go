package translate

import (
	"reflect"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// Query translates q into the request that runs it: an entityQuery, or an
// aggregateQuery when the SELECT list has an aggregate or the query has a
// GROUP BY. A nil opts means the zero [Options].
//
// Every problem is reported as a diagnostic on the node responsible: a
// nil or partial query, a bind parameter without a value, a LIMIT that is
// not a non-negative integer, a construct with no JSON form. When there is
// an error the request is nil.
func Query(q *ast.Query, opts *Options) (*Request, diag.List) {
	if opts == nil {
		opts = &Options{}
	}
	t := &translator{opts: opts, funcs: opts.Functions}
	if t.funcs == nil {
		t.funcs = DefaultFunctions
	}
	req := t.query(Canonical(q, opts.Info))
	if t.diags.HasErrors() {
		return nil, t.diags
	}
	return req, t.diags
}

// translator holds the state of one [Query] call.
type translator struct {
	opts  *Options
	funcs map[ast.AggFunc]string
	diags diag.List
}

// errorf reports an error at r.
func (t *translator) errorf(code string, r diag.Range, format string, args ...any) {
	t.diags = append(t.diags, diag.Errorf(code, r, format, args...))
}

func (t *translator) query(q *ast.Query) *Request {
	if !t.complete(q, "query") {
		return nil
	}
	if isAggregate(q) {
		return &Request{Path: api.PathAggregateQuery, Body: t.aggregateQuery(q)}
	}
	return &Request{Path: api.PathEntityQuery, Body: t.entityQuery(q)}
}

// complete reports (and returns false) when q lacks what every query
// needs: a SELECT list and a FROM entity.
func (t *translator) complete(q *ast.Query, what string) bool {
	switch {
	case q == nil:
		t.errorf(CodePartial, diag.Range{}, "no %s to translate", what)
	case q.Select == nil || len(q.Select.Items) == 0:
		t.errorf(CodePartial, q.Rng, "%s has no SELECT list", what)
	case q.From == nil || q.From.Entity == nil:
		t.errorf(CodePartial, q.Rng, "%s has no FROM entity", what)
	default:
		for _, it := range q.Select.Items {
			if isNil(it) {
				t.errorf(CodePartial, q.Select.Range(), "%s has an incomplete SELECT list", what)
				return false
			}
		}
		return true
	}
	return false
}

// isAggregate reports whether q translates to an aggregateQuery: it has a
// GROUP BY or an aggregate in its SELECT list (czql-reference.md §4.2).
func isAggregate(q *ast.Query) bool {
	if q.GroupBy != nil {
		return true
	}
	for _, it := range q.Select.Items {
		if _, ok := it.(*ast.AggregateExpr); ok {
			return true
		}
	}
	return false
}

func (t *translator) entityQuery(q *ast.Query) *api.EntityQuery {
	eq := &api.EntityQuery{TypeName: q.From.Entity.Name}
	for _, it := range q.Select.Items {
		switch it := it.(type) {
		case *ast.FieldRef:
			eq.Fields = append(eq.Fields, t.path(it))
		case *ast.RelationQuery:
			eq.Relations = append(eq.Relations, t.relation(it))
		}
	}
	eq.Where = t.where(q.Where)
	eq.Orders = t.orders(q.OrderBy)
	eq.Paging = t.paging(q)
	return eq
}

func (t *translator) aggregateQuery(q *ast.Query) *api.AggregateQuery {
	aq := &api.AggregateQuery{TypeName: q.From.Entity.Name, Aggregations: []api.FieldAggregation{}}
	for _, it := range q.Select.Items {
		switch it := it.(type) {
		case *ast.FieldRef:
			// Plain fields must be GROUP BY fields (the validator checks);
			// an aggregateQuery has no `fields`.
		case *ast.AggregateExpr:
			aq.Aggregations = append(aq.Aggregations, t.aggregation(it))
		case *ast.RelationQuery:
			t.errorf(CodeUnsupported, it.Range(), "a relation sub-select cannot be part of an aggregate query")
		}
	}
	if q.GroupBy != nil {
		for _, f := range q.GroupBy.Fields {
			aq.GroupBy = append(aq.GroupBy, t.path(f))
		}
	}
	aq.Where = t.where(q.Where)
	aq.Orders = t.orders(q.OrderBy)
	aq.Paging = t.paging(q)
	return aq
}

func (t *translator) aggregation(a *ast.AggregateExpr) api.FieldAggregation {
	fn, ok := t.funcs[a.Func]
	if !ok {
		t.errorf(CodeUnsupported, a.FuncRng, "no JSON spelling for aggregate function %s", a.Func)
	}
	fa := api.FieldAggregation{Function: fn, FieldName: t.path(a.Arg)}
	if a.Alias != nil {
		fa.Alias = a.Alias.Name
	}
	return fa
}

// relation translates a relation sub-select `(SELECT … FROM Relation …)`.
// The relation JSON has no paging and no grouping; nested relation
// sub-selects become nested relations, which the API accepts.
func (t *translator) relation(rq *ast.RelationQuery) api.Relation {
	q := rq.Query
	if !t.complete(q, "relation sub-select") {
		return api.Relation{}
	}
	rel := api.Relation{Name: q.From.Entity.Name}
	for _, it := range q.Select.Items {
		switch it := it.(type) {
		case *ast.FieldRef:
			rel.Fields = append(rel.Fields, t.path(it))
		case *ast.RelationQuery:
			rel.Relations = append(rel.Relations, t.relation(it))
		case *ast.AggregateExpr:
			t.errorf(CodeUnsupported, it.Range(), "an aggregate cannot be part of a relation sub-select")
		}
	}
	t.noClause(q.GroupBy, "GROUP BY", "a relation sub-select")
	t.noClause(q.Limit, "LIMIT", "a relation sub-select")
	t.noClause(q.Offset, "OFFSET", "a relation sub-select")
	rel.Where = t.where(q.Where)
	rel.Orders = t.orders(q.OrderBy)
	return rel
}

// subquery translates the sub-select of `F IN (SELECT x FROM E WHERE c)`
// into a nested entityQuery. Its SELECT list is not sent: the server ignores
// it. Like the grammar (czql-reference.md §1.2 `subquery`), it takes no
// GROUP BY, ORDER BY, LIMIT or OFFSET.
func (t *translator) subquery(q *ast.Query) *api.EntityQuery {
	if !t.complete(q, "sub-select") {
		return nil
	}
	for _, it := range q.Select.Items {
		switch it := it.(type) {
		case *ast.AggregateExpr:
			t.errorf(CodeUnsupported, it.Range(), "an aggregate cannot be part of an IN sub-select")
		case *ast.RelationQuery:
			t.errorf(CodeUnsupported, it.Range(), "a relation sub-select cannot be part of an IN sub-select")
		}
	}
	t.noClause(q.GroupBy, "GROUP BY", "an IN sub-select")
	t.noClause(q.OrderBy, "ORDER BY", "an IN sub-select")
	t.noClause(q.Limit, "LIMIT", "an IN sub-select")
	t.noClause(q.Offset, "OFFSET", "an IN sub-select")
	return &api.EntityQuery{Type: nestedQueryType, TypeName: q.From.Entity.Name, Where: t.treeWhere(q.Where)}
}

// noClause reports clause, which has no JSON form in where.
func (t *translator) noClause(clause ast.Node, name, where string) {
	if !isNil(clause) {
		t.errorf(CodeUnsupported, clause.Range(), "%s cannot be part of %s", name, where)
	}
}

// path returns the JSON name of a field: its dotted path without `@`.
func (t *translator) path(f *ast.FieldRef) string {
	if f == nil || len(f.Segments) == 0 {
		t.errorf(CodePartial, diag.Range{}, "missing field name")
		return ""
	}
	for _, s := range f.Segments {
		if s == nil {
			t.errorf(CodePartial, f.Range(), "incomplete field path")
			return ""
		}
	}
	return f.Path()
}

func (t *translator) orders(c *ast.OrderByClause) []api.OrderBy {
	if c == nil {
		return nil
	}
	orders := make([]api.OrderBy, 0, len(c.Items))
	for _, it := range c.Items {
		if it == nil {
			t.errorf(CodePartial, c.Range(), "incomplete ORDER BY item")
			continue
		}
		o := api.OrderBy{FieldName: t.path(it.Field), Order: defaultOrder}
		switch it.Dir {
		case ast.Asc:
			o.Order = api.Ascending
		case ast.Desc:
			o.Order = api.Descending
		}
		orders = append(orders, o)
	}
	return orders
}

// paging translates LIMIT n into paging.limit and OFFSET m into
// paging.from, setting only what is written.
func (t *translator) paging(q *ast.Query) *api.Paging {
	if q.Limit == nil && q.Offset == nil {
		return nil
	}
	p := &api.Paging{}
	if q.Limit != nil {
		p.Limit = t.count(q.Limit.Value, q.Limit.Range(), CodeBadLimit, "LIMIT")
	}
	if q.Offset != nil {
		p.From = t.count(q.Offset.Value, q.Offset.Range(), CodeBadOffset, "OFFSET")
	}
	return p
}

// count reads the value of a LIMIT or OFFSET clause, resolving a bind
// parameter.
func (t *translator) count(l ast.Literal, clause diag.Range, code, name string) *int {
	if isNil(l) {
		t.errorf(CodePartial, clause, "%s has no value", name)
		return nil
	}
	v := l
	if p, ok := l.(*ast.ParamRef); ok {
		if v = t.param(p); v == nil {
			return nil
		}
	}
	n, err := count(v)
	if err != nil {
		t.errorf(code, l.Range(), "%s %v", name, err)
		return nil
	}
	return &n
}

// param returns the value given for p, or reports that there is none.
func (t *translator) param(p *ast.ParamRef) ast.Literal {
	v, ok := t.lookup(p.Name)
	if !ok {
		t.errorf(CodeMissingParam, p.Rng, "no value for bind parameter %q; %s", ":"+p.Name, t.paramHint(p.Name))
		return nil
	}
	if _, isParam := v.(*ast.ParamRef); isParam || isNil(v) {
		t.errorf(CodeBadParam, p.Rng, "the value of bind parameter %q is not a constant", ":"+p.Name)
		return nil
	}
	return v
}

// lookup returns the value given for the bind parameter name.
func (t *translator) lookup(name string) (ast.Literal, bool) {
	return paramValue(t.opts.Params, name)
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// paramHint tells how to give a value for the bind parameter name.
func (t *translator) paramHint(name string) string {
	if t.opts != nil && t.opts.ParamHint != nil {
		return t.opts.ParamHint(name)
	}
	return "pass -p " + name + "=VALUE"
}
