package translate

import (
	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// compareOps maps the CZQL comparison operators to the API's.
var compareOps = map[ast.CompareOp]api.Operator{
	ast.Eq: api.Equal,
	ast.Ne: api.NotEqual,
	ast.Lt: api.LessThan,
	ast.Gt: api.GreaterThan,
	ast.Le: api.LessThanOrEqual,
	ast.Ge: api.GreaterThanOrEqual,
}

// where translates the WHERE clause of a query or a relation sub-select:
// a compare tree, or with [Options.ConditionText] a cZQLCondition. The tree
// is translated in both cases so that both report the same problems.
func (t *translator) where(w *ast.WhereClause) *api.Condition {
	c := t.treeWhere(w)
	if t.opts.ConditionText && c != nil {
		return t.conditionText(w.Cond)
	}
	return c
}

// treeWhere translates a WHERE clause into a compare tree. IN sub-selects
// use it directly: their text is part of the enclosing condition's.
func (t *translator) treeWhere(w *ast.WhereClause) *api.Condition {
	if w == nil {
		return nil
	}
	if isNil(w.Cond) {
		t.errorf(CodePartial, w.Range(), "WHERE has no condition")
		return nil
	}
	return t.cond(w.Cond)
}

// cond translates a condition. It returns nil, after reporting why, for a
// condition it cannot translate.
func (t *translator) cond(e ast.Expr) *api.Condition {
	if isNil(e) {
		t.errorf(CodePartial, diag.Range{}, "missing condition")
		return nil
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return t.logic(e)
	case *ast.NotExpr:
		return not(t.cond(e.X))
	case *ast.ParenExpr:
		return t.cond(e.X)
	case *ast.CompareExpr:
		return t.compare(e)
	case *ast.InExpr:
		return t.in(e)
	case *ast.LikeExpr:
		return t.like(e)
	case *ast.BadExpr:
		t.errorf(CodePartial, e.Rng, "cannot translate a condition with syntax errors")
		return nil
	}
	t.errorf(CodeUnsupported, e.Range(), "%s is not a condition", describe(e))
	return nil
}

func not(c *api.Condition) *api.Condition {
	return &api.Condition{Kind: api.NotCondition, Negated: c}
}

// logic translates AND and OR, flattening chains of the same operator, also
// through parentheses: a AND (b AND c) AND d is one "and" of four.
func (t *translator) logic(b *ast.BinaryExpr) *api.Condition {
	kind := api.AndCondition
	if b.Op == ast.Or {
		kind = api.OrCondition
	}
	c := &api.Condition{Kind: kind}
	t.flatten(b.Op, b, &c.Operands)
	return c
}

func (t *translator) flatten(op ast.LogicOp, e ast.Expr, out *[]*api.Condition) {
	if b, ok := unparen(e).(*ast.BinaryExpr); ok && b != nil && b.Op == op {
		t.flatten(op, b.X, out)
		t.flatten(op, b.Y, out)
		return
	}
	*out = append(*out, t.cond(e))
}

// unparen strips the parentheses around e.
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok || p == nil {
			return e
		}
		e = p.X
	}
}

func (t *translator) compare(e *ast.CompareExpr) *api.Condition {
	op, ok := compareOps[e.Op]
	if !ok {
		t.errorf(CodeUnsupported, e.OpRng, "unknown comparison operator")
	}
	return t.predicate(e.X, op, t.constant(e.Y, e.Range()))
}

func (t *translator) in(e *ast.InExpr) *api.Condition {
	right := &api.Expression{Kind: api.ConstantListExpr, Values: []any{}}
	switch {
	case e.Query != nil:
		right = &api.Expression{Kind: api.QueryExpr, Query: t.subquery(e.Query)}
	case len(e.List) == 0:
		t.errorf(CodePartial, e.Range(), "IN has no values")
	}
	for _, l := range e.List {
		right.Values = append(right.Values, t.value(l, e.Range()))
	}
	return t.negate(e.Not, t.predicate(e.X, api.In, right))
}

func (t *translator) like(e *ast.LikeExpr) *api.Condition {
	return t.negate(e.Not, t.predicate(e.X, api.Like, t.constant(e.Pattern, e.Range())))
}

func (t *translator) negate(neg bool, c *api.Condition) *api.Condition {
	if neg {
		return not(c)
	}
	return c
}

// predicate builds a compare condition with field on the left.
func (t *translator) predicate(field *ast.FieldRef, op api.Operator, right *api.Expression) *api.Condition {
	return &api.Condition{
		Kind:     api.CompareCond,
		Left:     &api.Expression{Kind: api.FieldExpr, FieldName: t.path(field)},
		Operator: op,
		Right:    right,
	}
}

func (t *translator) constant(l ast.Literal, parent diag.Range) *api.Expression {
	return &api.Expression{Kind: api.ConstantExpr, Value: t.value(l, parent)}
}

// value returns the JSON value of l, resolving a bind parameter from
// [Options.Params]. parent locates a missing literal.
func (t *translator) value(l ast.Literal, parent diag.Range) any {
	if isNil(l) {
		t.errorf(CodePartial, parent, "missing value")
		return nil
	}
	v := l
	if p, ok := l.(*ast.ParamRef); ok {
		if v = t.param(p); v == nil {
			return nil
		}
	}
	x, err := literalValue(v)
	if err != nil {
		t.errorf(CodeBadNumber, l.Range(), "%v", err)
	}
	return x
}
