package czql

import (
	"slices"

	"github.com/czql/czql/ast"
)

// Cond is a condition of a WHERE clause, made by [Eq], [In], [Like],
// [IsNull], [And], [Condition] and the others, or by the condition methods
// of generated field handles. A Cond is a value: it holds the names and
// Go values it was given, never CZQL text, and is turned into syntax tree
// nodes each time a query is built. Problems (a name that is not a name,
// a value of a Go type CZQL has no literal for) are reported then, by
// [Builder.Query], [Builder.CZQL] and [Builder.Request]. The zero Cond is
// not a condition.
type Cond struct {
	expr func(b *build) ast.Expr
}

// node builds c for the call fn, reporting a zero Cond.
func (c Cond) node(b *build, fn string) ast.Expr {
	if c.expr == nil {
		b.errorf("%s: the zero czql.Cond is not a condition", fn)
		return &ast.BadExpr{}
	}
	return c.expr(b)
}

// Eq is the condition `field = v`. The field is a name or a dot path
// (`Manager.Name`); v is a string, a bool, any integer or float type
// (named types included), a time.Time (a date-time), nil (NULL, as
// [IsNull]) or a [Value] ([Param], [Date]). A value of another type is an
// error when the query is built: nothing is ever written with fmt.
func Eq(field string, v any) Cond { return compare("czql.Eq", ast.Eq, field, v) }

// Ne is the condition `field <> v`; see [Eq] for the values.
func Ne(field string, v any) Cond { return compare("czql.Ne", ast.Ne, field, v) }

// Lt is the condition `field < v`; see [Eq] for the values.
func Lt(field string, v any) Cond { return compare("czql.Lt", ast.Lt, field, v) }

// Le is the condition `field <= v`; see [Eq] for the values.
func Le(field string, v any) Cond { return compare("czql.Le", ast.Le, field, v) }

// Gt is the condition `field > v`; see [Eq] for the values.
func Gt(field string, v any) Cond { return compare("czql.Gt", ast.Gt, field, v) }

// Ge is the condition `field >= v`; see [Eq] for the values.
func Ge(field string, v any) Cond { return compare("czql.Ge", ast.Ge, field, v) }

// IsNull is the condition `field = NULL` (the canonical spelling of
// `field IS NULL`).
func IsNull(field string) Cond { return compare("czql.IsNull", ast.Eq, field, nil) }

// IsNotNull is the condition `field <> NULL` (the canonical spelling of
// `field IS NOT NULL`).
func IsNotNull(field string) Cond { return compare("czql.IsNotNull", ast.Ne, field, nil) }

// compare makes `field op v`.
func compare(fn string, op ast.CompareOp, field string, v any) Cond {
	return Cond{func(b *build) ast.Expr {
		return &ast.CompareExpr{X: b.field(fn, field), Op: op, Y: b.value(fn, v)}
	}}
}

// In is the condition `field IN (v1, v2, …)`. The values are those of
// [Eq]; a slice or array of them (such as a []string) stands for its
// elements, which are copied when In is called. At least one value is
// needed: CZQL has no empty list.
func In(field string, vs ...any) Cond { return inList("czql.In", false, field, vs) }

// NotIn is the condition `field NOT IN (v1, v2, …)`; see [In].
func NotIn(field string, vs ...any) Cond { return inList("czql.NotIn", true, field, vs) }

// inList makes `field [NOT] IN (…)` from vs, flattened now so that later
// changes to a slice the caller passed do not change the condition.
func inList(fn string, not bool, field string, vs []any) Cond {
	vals, err := flatten(vs)
	return Cond{func(b *build) ast.Expr {
		e := &ast.InExpr{X: b.field(fn, field), Not: not}
		switch {
		case err != nil:
			b.errorf("%s: %v", fn, err)
		case len(vals) == 0:
			b.errorf("%s: no values: CZQL has no empty IN list", fn)
		}
		for _, v := range vals {
			e.List = append(e.List, b.value(fn, v))
		}
		return e
	}}
}

// InQuery is the condition `field IN (SELECT … FROM Entity WHERE …)`: the
// field is a reference whose target is among the entities sub selects.
// sub needs a FROM and may have a WHERE; it takes no GROUP BY, ORDER BY,
// LIMIT, OFFSET, aggregates or relations (they have no JSON form).
func InQuery(field string, sub *Builder) Cond { return inQuery("czql.InQuery", false, field, sub) }

// NotInQuery is the condition `field NOT IN (SELECT …)`; see [InQuery].
func NotInQuery(field string, sub *Builder) Cond {
	return inQuery("czql.NotInQuery", true, field, sub)
}

// inQuery makes `field [NOT] IN (SELECT …)`.
func inQuery(fn string, not bool, field string, sub *Builder) Cond {
	return Cond{func(b *build) ast.Expr {
		return &ast.InExpr{X: b.field(fn, field), Not: not, Query: b.subquery(fn, sub)}
	}}
}

// Like is the condition `field LIKE pattern`; the pattern is sent as
// written, with `%` matching any text.
func Like(field, pattern string) Cond { return like("czql.Like", false, field, pattern) }

// NotLike is the condition `field NOT LIKE pattern`.
func NotLike(field, pattern string) Cond { return like("czql.NotLike", true, field, pattern) }

// like makes `field [NOT] LIKE pattern`.
func like(fn string, not bool, field, pattern string) Cond {
	return Cond{func(b *build) ast.Expr {
		return &ast.LikeExpr{X: b.field(fn, field), Not: not, Pattern: b.value(fn, pattern)}
	}}
}

// And is the condition that holds when every one of cs holds. Nested
// ANDs are flattened, and an OR among cs is put in parentheses. And of one
// condition is that condition; And of none is an error.
func And(cs ...Cond) Cond { return logic("czql.And", ast.And, cs) }

// Or is the condition that holds when any of cs holds; see [And].
func Or(cs ...Cond) Cond { return logic("czql.Or", ast.Or, cs) }

// logic joins cs with op.
func logic(fn string, op ast.LogicOp, cs []Cond) Cond {
	cs = slices.Clone(cs)
	return Cond{func(b *build) ast.Expr {
		if len(cs) == 0 {
			b.errorf("%s: no conditions", fn)
			return &ast.BadExpr{}
		}
		xs := make([]ast.Expr, len(cs))
		for i, c := range cs {
			xs[i] = c.node(b, fn)
		}
		return join(op, xs)
	}}
}

// Not is the condition `NOT c`; c is put in parentheses when it is an AND
// or an OR.
func Not(c Cond) Cond {
	return Cond{func(b *build) ast.Expr {
		return &ast.NotExpr{X: grouped(c.node(b, "czql.Not"))}
	}}
}

// join chains xs with op, left-nested as the parser nests them: chains of
// op among xs are spliced in, other AND and OR chains are parenthesised.
// The printer then needs no parentheses the tree does not hold, so the
// text parses back to the same tree.
func join(op ast.LogicOp, xs []ast.Expr) ast.Expr {
	var acc ast.Expr
	for _, x := range xs {
		for _, y := range operands(op, x) {
			if acc == nil {
				acc = y
				continue
			}
			acc = &ast.BinaryExpr{X: acc, Op: op, Y: y}
		}
	}
	return acc
}

// operands returns the operands of x as part of a chain of op: those of
// x's own chain when x is one, else x, parenthesised when it is a chain
// of the other operator.
func operands(op ast.LogicOp, x ast.Expr) []ast.Expr {
	b, ok := x.(*ast.BinaryExpr)
	if !ok {
		return []ast.Expr{x}
	}
	if b.Op != op {
		return []ast.Expr{grouped(x)}
	}
	var rev []ast.Expr
	for ok && b.Op == op {
		rev = append(rev, b.Y)
		x = b.X
		b, ok = x.(*ast.BinaryExpr)
	}
	rev = append(rev, x)
	slices.Reverse(rev)
	return rev
}

// grouped returns x in parentheses when it is an AND or an OR chain.
func grouped(x ast.Expr) ast.Expr {
	if _, ok := x.(*ast.BinaryExpr); ok {
		return &ast.ParenExpr{X: x}
	}
	return x
}
