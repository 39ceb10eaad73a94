package translate

import (
	"strconv"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
)

// FromEntityQuery rebuilds the CZQL query of an entityQuery body. Nodes
// have zero ranges; parentheses are added where precedence needs them. A
// cZQLCondition where is parsed, with its parameters substituted as
// literals. Constructs with no CZQL form (fromLink and nested relations, a
// field on the right of a comparison, predefined date ranges) are errors;
// operators CZQL spells only approximately (BeginsWith, Contains, …) are
// rewritten as LIKE with a warning. When there is an error the query is
// nil; otherwise it translates back with [Query] without errors.
func FromEntityQuery(q *api.EntityQuery) (*ast.Query, diag.List) {
	r := &reverser{}
	return r.finish(r.entityQuery(q))
}

// FromAggregateQuery rebuilds the CZQL query of an aggregateQuery body:
// SELECT the GROUP BY fields and then the aggregates, FROM, WHERE, GROUP
// BY, ORDER BY, LIMIT and OFFSET. See [FromEntityQuery] for the handling
// of what CZQL cannot express.
func FromAggregateQuery(q *api.AggregateQuery) (*ast.Query, diag.List) {
	r := &reverser{}
	return r.finish(r.aggregateQuery(q))
}

// reverser holds the state of one reverse translation.
type reverser struct {
	diags diag.List
}

func (r *reverser) errorf(code, format string, args ...any) {
	r.diags = append(r.diags, diag.Errorf(code, diag.Range{}, format, args...))
}

func (r *reverser) warnf(code, format string, args ...any) {
	d := diag.Errorf(code, diag.Range{}, format, args...)
	d.Severity = diag.Warning
	r.diags = append(r.diags, d)
}

// finish checks that q translates back to JSON, which guards the parts
// rebuilt from CZQL text (cZQLCondition, /data/query), and drops q when
// there are errors.
func (r *reverser) finish(q *ast.Query) (*ast.Query, diag.List) {
	if !r.diags.HasErrors() && nesting(q) > parser.MaxNesting {
		r.errorf(CodeUnsupported, "the query nests deeper than the %d levels CZQL allows", parser.MaxNesting)
	}
	if !r.diags.HasErrors() {
		_, back := Query(q, nil)
		for _, d := range back {
			if d.Severity == diag.Error {
				d.Range = diag.Range{}
				r.diags = append(r.diags, d)
			}
		}
	}
	if r.diags.HasErrors() {
		return nil, r.diags
	}
	return q, r.diags
}

func (r *reverser) entityQuery(eq *api.EntityQuery) *ast.Query {
	if eq == nil {
		r.errorf(CodeBadJSON, "no entityQuery")
		return nil
	}
	var items []ast.SelectItem
	for _, f := range eq.Fields {
		items = append(items, r.field(f))
	}
	for _, rel := range eq.Relations {
		items = append(items, r.relation(rel))
	}
	if len(items) == 0 {
		r.errorf(CodeUnsupported, "entityQuery on %q selects no fields and no relations; CZQL needs at least one", eq.TypeName)
	}
	q := &ast.Query{Select: &ast.SelectClause{Items: items}, From: r.from(eq.TypeName)}
	q.Where = r.where(eq.Where)
	q.OrderBy = r.orders(eq.Orders)
	r.paging(q, eq.Paging)
	return q
}

func (r *reverser) aggregateQuery(aq *api.AggregateQuery) *ast.Query {
	if aq == nil {
		r.errorf(CodeBadJSON, "no aggregateQuery")
		return nil
	}
	if len(aq.Aggregations) == 0 && len(aq.GroupBy) == 0 {
		r.errorf(CodeUnsupported, "aggregateQuery on %q has neither aggregations nor groupBy; CZQL cannot tell it from an entity query", aq.TypeName)
	}
	q := &ast.Query{From: r.from(aq.TypeName), Select: &ast.SelectClause{}}
	for _, g := range aq.GroupBy {
		q.Select.Items = append(q.Select.Items, r.field(g))
	}
	for _, a := range aq.Aggregations {
		q.Select.Items = append(q.Select.Items, r.aggregation(a))
	}
	if len(aq.GroupBy) > 0 {
		q.GroupBy = &ast.GroupByClause{}
		for _, g := range aq.GroupBy {
			q.GroupBy.Fields = append(q.GroupBy.Fields, r.field(g))
		}
	}
	q.Where = r.where(aq.Where)
	q.OrderBy = r.orders(aq.Orders)
	r.paging(q, aq.Paging)
	return q
}

func (r *reverser) aggregation(a api.FieldAggregation) *ast.AggregateExpr {
	e := &ast.AggregateExpr{Func: r.function(a.Function), Arg: r.field(a.FieldName)}
	if a.Alias != "" {
		e.Alias = r.ident(a.Alias, "alias")
	}
	return e
}

// function returns the CZQL aggregate function of a JSON function name,
// compared case-insensitively with [DefaultFunctions] and a few aliases.
func (r *reverser) function(name string) ast.AggFunc {
	for fn, spelled := range DefaultFunctions {
		if strings.EqualFold(spelled, name) {
			return fn
		}
	}
	if fn, ok := functionAliases[strings.ToLower(name)]; ok {
		return fn
	}
	r.errorf(CodeUnsupported, "unknown aggregate function %q", name)
	return ast.Count
}

// relation rebuilds a relation sub-select. CZQL does not nest them
// (czql-reference.md §9 row 22), so nested relations are an error.
func (r *reverser) relation(rel api.Relation) *ast.RelationQuery {
	if rel.FromLink {
		r.errorf(CodeUnsupported, "relation %q has fromLink, which CZQL cannot express", rel.Name)
	}
	var items []ast.SelectItem
	for _, f := range rel.Fields {
		items = append(items, r.field(f))
	}
	if len(rel.Relations) > 0 {
		r.errorf(CodeUnsupported, "relation %q has nested relations; CZQL relation sub-selects cannot be nested", rel.Name)
	}
	if len(items) == 0 {
		r.errorf(CodeUnsupported, "relation %q selects no fields; CZQL needs at least one", rel.Name)
	}
	q := &ast.Query{Select: &ast.SelectClause{Items: items}, From: r.from(rel.Name)}
	q.Where = r.where(rel.Where)
	q.OrderBy = r.orders(rel.Orders)
	return &ast.RelationQuery{Query: q}
}

// subquery rebuilds the sub-select of an IN from a queryExpression's
// entityQuery. The SELECT list is the query's fields, or [subqueryField].
func (r *reverser) subquery(eq *api.EntityQuery) *ast.Query {
	if eq == nil {
		r.errorf(CodeBadJSON, "queryExpression has no query")
		return nil
	}
	if eq.Type != "" && eq.Type != api.TypeEntityQuery {
		r.errorf(CodeUnsupported, "a queryExpression holding a %q has no CZQL form", eq.Type)
	}
	if len(eq.Relations) > 0 || len(eq.Orders) > 0 || eq.Paging != nil {
		r.errorf(CodeUnsupported, "a queryExpression with relations, orders or paging has no CZQL form")
	}
	fields := eq.Fields
	if len(fields) == 0 {
		fields = []string{subqueryField}
	}
	q := &ast.Query{Select: &ast.SelectClause{}, From: r.from(eq.TypeName)}
	for _, f := range fields {
		q.Select.Items = append(q.Select.Items, r.field(f))
	}
	q.Where = r.where(eq.Where)
	return q
}

func (r *reverser) from(typeName string) *ast.FromClause {
	return &ast.FromClause{Entity: r.ident(typeName, "type name")}
}

func (r *reverser) orders(orders []api.OrderBy) *ast.OrderByClause {
	if len(orders) == 0 {
		return nil
	}
	c := &ast.OrderByClause{}
	for _, o := range orders {
		it := &ast.OrderItem{Field: r.field(o.FieldName)}
		switch {
		case o.Order == "":
		case strings.EqualFold(string(o.Order), string(api.Ascending)):
			it.Dir = reverseAscending
		case strings.EqualFold(string(o.Order), string(api.Descending)):
			it.Dir = ast.Desc
		default:
			r.errorf(CodeUnsupported, "unknown order %q", o.Order)
		}
		c.Items = append(c.Items, it)
	}
	return c
}

// paging rebuilds LIMIT from paging.limit and OFFSET from paging.from;
// hasMore is a continuation flag with no CZQL form and is ignored.
func (r *reverser) paging(q *ast.Query, p *api.Paging) {
	if p == nil {
		return
	}
	if p.Limit != nil {
		if *p.Limit < 0 {
			r.errorf(CodeBadLimit, "paging.limit must not be negative, not %d", *p.Limit)
		}
		q.Limit = &ast.LimitClause{Value: &ast.NumberLit{Raw: strconv.Itoa(*p.Limit)}}
	}
	if p.From != nil {
		if *p.From < 0 {
			r.errorf(CodeBadOffset, "paging.from must not be negative, not %d", *p.From)
		}
		q.Offset = &ast.OffsetClause{Value: &ast.NumberLit{Raw: strconv.Itoa(*p.From)}}
	}
}

// field rebuilds a field path from its JSON name, such as "Manager.Name".
func (r *reverser) field(name string) *ast.FieldRef {
	f := &ast.FieldRef{}
	for _, seg := range strings.Split(name, ".") {
		if !lexer.IsName(seg) {
			r.errorf(CodeBadName, "%q is not a CZQL field path", name)
			return &ast.FieldRef{Segments: []*ast.Ident{{Name: name}}}
		}
		f.Segments = append(f.Segments, &ast.Ident{Name: seg})
	}
	return f
}

// ident rebuilds a single name; what says what it names.
func (r *reverser) ident(name, what string) *ast.Ident {
	if !lexer.IsName(name) {
		r.errorf(CodeBadName, "%s %q is not a CZQL name", what, name)
	}
	return &ast.Ident{Name: name}
}

// nesting returns the deepest nesting of parentheses, sub-queries and NOT
// in q, counted the way the parser bounds it (or a little more).
func nesting(q *ast.Query) int {
	deepest := 0
	ast.Walk(depthVisitor{max: &deepest}, q)
	return deepest
}

type depthVisitor struct {
	depth int
	max   *int
}

func (v depthVisitor) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		return nil
	}
	switch n := n.(type) {
	case *ast.ParenExpr, *ast.NotExpr, *ast.RelationQuery, *ast.AggregateExpr:
		v.depth++
	case *ast.InExpr:
		v.depth += 1 + boolInt(n.Not)
	case *ast.LikeExpr:
		v.depth += boolInt(n.Not)
	}
	*v.max = max(*v.max, v.depth)
	return v
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
