package translate

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
)

// reverseOps maps the API's comparison operators to CZQL's.
var reverseOps = map[api.Operator]ast.CompareOp{
	api.Equal:              ast.Eq,
	api.NotEqual:           ast.Ne,
	api.LessThan:           ast.Lt,
	api.GreaterThan:        ast.Gt,
	api.LessThanOrEqual:    ast.Le,
	api.GreaterThanOrEqual: ast.Ge,
}

// Precedence levels for parenthesising rebuilt conditions.
const (
	precOr    = 1
	precAnd   = 2
	precUnary = 3
)

func (r *reverser) where(c *api.Condition) *ast.WhereClause {
	if c == nil {
		return nil
	}
	return &ast.WhereClause{Cond: r.cond(c)}
}

// cond rebuilds a condition. It returns nil, after reporting why, for a
// condition with no CZQL form.
func (r *reverser) cond(c *api.Condition) ast.Expr {
	if c == nil {
		r.errorf(CodeBadJSON, "missing condition")
		return nil
	}
	switch c.Kind {
	case api.AndCondition:
		return r.logic(ast.And, c)
	case api.OrCondition:
		return r.logic(ast.Or, c)
	case api.NotCondition:
		return r.not(c.Negated)
	case api.CompareCond:
		return r.compare(c, false)
	case api.CZQLCondition:
		return r.conditionText(c)
	}
	r.errorf(CodeBadJSON, "condition of unknown kind")
	return nil
}

// logic rebuilds an n-ary "and" or "or" as a left-nested chain, merging
// nested operands of the same kind and parenthesising an "or" inside an
// "and".
func (r *reverser) logic(op ast.LogicOp, c *api.Condition) ast.Expr {
	var operands []*api.Condition
	flattenJSON(c.Kind, c, &operands)
	if len(operands) == 0 {
		r.errorf(CodeUnsupported, "an empty %q has no CZQL form", strings.ToLower(op.String()))
		return nil
	}
	var x ast.Expr
	for i, o := range operands {
		y := r.cond(o)
		if i == 0 {
			x = paren(y, prec(op))
			continue
		}
		x = &ast.BinaryExpr{X: x, Op: op, Y: paren(y, prec(op)+1)}
	}
	return x
}

func flattenJSON(kind api.ConditionKind, c *api.Condition, out *[]*api.Condition) {
	for _, o := range c.Operands {
		if o != nil && o.Kind == kind {
			flattenJSON(kind, o, out)
			continue
		}
		*out = append(*out, o)
	}
}

func prec(op ast.LogicOp) int {
	if op == ast.Or {
		return precOr
	}
	return precAnd
}

// paren wraps x in parentheses when it binds more loosely than min.
func paren(x ast.Expr, min int) ast.Expr {
	if b, ok := x.(*ast.BinaryExpr); ok && prec(b.Op) < min {
		return &ast.ParenExpr{X: x}
	}
	return x
}

// not rebuilds {"not": c}: NOT IN and NOT LIKE when c is an In or a Like,
// NOT c otherwise.
func (r *reverser) not(c *api.Condition) ast.Expr {
	if c != nil && c.Kind == api.CompareCond {
		if op := foldOperator(c.Operator); op == api.In || op == api.Like {
			return r.compare(c, true)
		}
	}
	x := r.cond(c)
	if x == nil {
		return nil
	}
	return &ast.NotExpr{X: paren(x, precUnary)}
}

// compare rebuilds a compare condition; neg asks for NOT IN or NOT LIKE.
func (r *reverser) compare(c *api.Condition, neg bool) ast.Expr {
	field := r.left(c.Left)
	if c.Right == nil {
		r.errorf(CodeBadJSON, "compare condition has no rightExpression")
		return nil
	}
	op := foldOperator(c.Operator)
	if cmp, ok := reverseOps[op]; ok {
		return &ast.CompareExpr{X: field, Op: cmp, Y: r.constant(c.Right, op)}
	}
	switch op {
	case api.In:
		return r.in(field, c.Right, neg)
	case api.Like:
		return &ast.LikeExpr{X: field, Not: neg, Pattern: r.constant(c.Right, op)}
	}
	if lossy, ok := lossyOperators[op]; ok {
		return r.lossy(field, op, lossy, c.Right)
	}
	r.errorf(CodeUnsupported, "operator %q has no CZQL form", c.Operator)
	return nil
}

// foldOperator returns the API operator spelled like op, ignoring case.
func foldOperator(op api.Operator) api.Operator {
	for _, known := range []api.Operator{
		api.Equal, api.NotEqual, api.LessThan, api.GreaterThan, api.LessThanOrEqual,
		api.GreaterThanOrEqual, api.BeginsWith, api.EndsWith, api.Contains,
		api.DoesNotContain, api.In, api.Like,
	} {
		if strings.EqualFold(string(op), string(known)) {
			return known
		}
	}
	return op
}

// left rebuilds the left side of a comparison, which must be a field.
func (r *reverser) left(e *api.Expression) *ast.FieldRef {
	if e == nil || e.Kind != api.FieldExpr {
		r.errorf(CodeUnsupported, "the left side of a comparison must be a fieldExpression")
		return &ast.FieldRef{Segments: []*ast.Ident{{}}}
	}
	return r.field(e.FieldName)
}

// constant rebuilds the right side of a comparison with op, which must be
// a constantExpression.
func (r *reverser) constant(e *api.Expression, op api.Operator) ast.Literal {
	switch e.Kind {
	case api.ConstantExpr:
		return r.literal(e.Value)
	case api.FieldExpr:
		r.errorf(CodeUnsupported, "a field on the right of %s (%q) has no CZQL form", op, e.FieldName)
	case api.DateRangeExpr:
		r.errorf(CodeUnsupported, "predefinedDateRangeExpression %v has no CZQL form", e.Value)
	default:
		r.errorf(CodeUnsupported, "operator %s needs a constantExpression on the right", op)
	}
	return &ast.NullLit{}
}

func (r *reverser) in(field *ast.FieldRef, e *api.Expression, neg bool) ast.Expr {
	in := &ast.InExpr{X: field, Not: neg}
	switch e.Kind {
	case api.ConstantListExpr:
		if len(e.Values) == 0 {
			r.errorf(CodeUnsupported, "In with an empty list has no CZQL form")
		}
		for _, v := range e.Values {
			in.List = append(in.List, r.literal(v))
		}
	case api.QueryExpr:
		in.Query = r.subquery(e.Query)
	default:
		r.errorf(CodeUnsupported, "In needs a constantListExpression or a queryExpression on the right")
	}
	return in
}

// lossy rewrites BeginsWith, EndsWith, Contains and DoesNotContain as
// [NOT] LIKE; see [lossyOperators].
func (r *reverser) lossy(field *ast.FieldRef, op api.Operator, l lossyOperator, e *api.Expression) ast.Expr {
	s, ok := e.Value.(string)
	if e.Kind != api.ConstantExpr || !ok {
		r.errorf(CodeUnsupported, "%s needs a string constant on the right", op)
		return nil
	}
	pattern := l.prefix + s + l.suffix
	if strings.ContainsAny(s, likeWildcards) {
		r.errorf(CodeLossy, "%s %q has no CZQL form: LIKE would read %% and _ in it as wildcards", op, s)
	} else {
		like := "LIKE"
		if l.not {
			like = "NOT LIKE"
		}
		r.warnf(CodeLossy, "%s has no CZQL spelling; written as %s '%s'", op, like, strings.ReplaceAll(pattern, "'", "''"))
	}
	return &ast.LikeExpr{X: field, Not: l.not, Pattern: &ast.StringLit{Value: pattern}}
}

// literal rebuilds a JSON value: a string, number, boolean or null.
func (r *reverser) literal(v any) ast.Literal {
	switch v := v.(type) {
	case string:
		if strings.ContainsAny(v, "\n\x00") || !utf8.ValidString(v) {
			r.errorf(CodeUnsupported, "string %q cannot be written in CZQL: a CZQL string holds no line break, NUL byte or invalid UTF-8", v)
		}
		return &ast.StringLit{Value: v}
	case json.Number:
		return r.number(string(v))
	case bool:
		return &ast.BoolLit{Value: v}
	case nil:
		return &ast.NullLit{}
	case float64:
		return r.number(strconv.FormatFloat(v, 'f', -1, 64))
	case int:
		return &ast.NumberLit{Raw: strconv.Itoa(v)}
	case int64:
		return &ast.NumberLit{Raw: strconv.FormatInt(v, 10)}
	}
	r.errorf(CodeUnsupported, "a value of JSON type %s has no CZQL literal", jsonType(v))
	return &ast.NullLit{}
}

func (r *reverser) number(s string) ast.Literal {
	raw, err := plainDecimal(s)
	if err != nil {
		r.errorf(CodeBadNumber, "number %s: %v", s, err)
		return &ast.NullLit{}
	}
	return &ast.NumberLit{Raw: raw}
}

// jsonType names the JSON type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}
