package sandbox

import (
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// tri is a truth value of SQL's three-valued logic.
type tri int8

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

// pred evaluates a condition on a record.
type pred func(*record) tri

// compileWhere compiles the condition c on entity ent; a nil condition
// matches every row. It counts the nodes it compiles and refuses
// conditions nested deeper than MaxConditionDepth.
func (s *run) compileWhere(ent *metadata.Entity, c *api.Condition) (pred, error) {
	if c == nil {
		return func(*record) tri { return triTrue }, nil
	}
	s.nodes++
	switch c.Kind {
	case api.AndCondition, api.OrCondition:
		if err := s.enter(); err != nil {
			return nil, err
		}
		defer s.leave()
		return s.compileJunction(ent, c)
	case api.NotCondition:
		if err := s.enter(); err != nil {
			return nil, err
		}
		defer s.leave()
		inner, err := s.compileWhere(ent, c.Negated)
		if err != nil {
			return nil, err
		}
		return func(r *record) tri { return not(inner(r)) }, nil
	case api.CompareCond:
		return s.compileCompare(ent, c)
	case api.CZQLCondition:
		if err := s.spend(1 + len(c.Text)); err != nil { // a step per byte parsed
			return nil, err
		}
		cond, err := conditionFromText(ent.TypeName, c.Text, c.Parameters)
		if err != nil {
			return nil, err
		}
		return s.compileWhere(ent, cond)
	}
	return nil, errorf(codeInvalidQuery, "unknown condition")
}

func not(t tri) tri {
	switch t {
	case triTrue:
		return triFalse
	case triFalse:
		return triTrue
	}
	return triUnknown
}

func (s *run) compileJunction(ent *metadata.Entity, c *api.Condition) (pred, error) {
	ops := make([]pred, len(c.Operands))
	for i, op := range c.Operands {
		p, err := s.compileWhere(ent, op)
		if err != nil {
			return nil, err
		}
		ops[i] = p
	}
	stop, other := triFalse, triTrue // and: false wins
	if c.Kind == api.OrCondition {
		stop, other = triTrue, triFalse
	}
	return func(r *record) tri {
		res := other
		for _, op := range ops {
			switch op(r) {
			case stop:
				return stop
			case triUnknown:
				res = triUnknown
			}
		}
		return res
	}, nil
}

// operand gives the normalised value of one side of a comparison.
type operand func(*record) key

func (s *run) compileCompare(ent *metadata.Entity, c *api.Condition) (pred, error) {
	if err := checkCompare(c); err != nil {
		return nil, err
	}
	left, right, op := c.Left, c.Right, c.Operator.Canonical()
	if left.Kind != api.FieldExpr && right.Kind == api.FieldExpr {
		left, right, op = right, left, mirror(op)
	}
	if left.Kind != api.FieldExpr {
		return nil, errorf(codeInvalidQuery, "the left expression of %s must be a field", c.Operator)
	}
	p, err := s.resolvePath(ent, left.FieldName)
	if err != nil {
		return nil, err
	}
	lhs := func(r *record) key { return s.key(p, r) }
	if op == api.In {
		return s.compileIn(p, lhs, right)
	}
	if right.Kind == api.ConstantExpr && right.Value == nil {
		return nullTest(op, lhs)
	}
	rhs, err := s.rightOperand(ent, p, op, right)
	if err != nil {
		return nil, err
	}
	test, err := operatorTest(op, p.kind, right)
	if err != nil {
		return nil, err
	}
	return func(r *record) tri {
		a, b := lhs(r), rhs(r)
		if a.null || b.null {
			return triUnknown
		}
		return triOf(test(a, b))
	}, nil
}

// mirror returns the operator that keeps the meaning when the operands
// swap sides.
func mirror(op api.Operator) api.Operator {
	switch op {
	case api.LessThan:
		return api.GreaterThan
	case api.GreaterThan:
		return api.LessThan
	case api.LessThanOrEqual:
		return api.GreaterThanOrEqual
	case api.GreaterThanOrEqual:
		return api.LessThanOrEqual
	}
	return op
}

// nullTest compiles F = null and F <> null.
func nullTest(op api.Operator, lhs operand) (pred, error) {
	switch op {
	case api.Equal:
		return func(r *record) tri { return triOf(lhs(r).null) }, nil
	case api.NotEqual:
		return func(r *record) tri { return triOf(!lhs(r).null) }, nil
	}
	return func(*record) tri { return triUnknown }, nil
}

func (s *store) rightOperand(ent *metadata.Entity, p *path, op api.Operator, e *api.Expression) (operand, error) {
	switch e.Kind {
	case api.FieldExpr:
		q, err := s.resolvePath(ent, e.FieldName)
		if err != nil {
			return nil, err
		}
		return func(r *record) key { return s.key(q, r) }, nil
	case api.ConstantExpr:
		k, ok := constantKey(p.kind, op, e.Value)
		if !ok {
			return nil, errorf(codeInvalidQuery, "the value %.100s does not fit the field %s", jsonText(e.Value), p.segs[len(p.segs)-1].req)
		}
		return func(*record) key { return k }, nil
	case api.DateRangeExpr:
		return nil, errorf(codeInvalidQuery, "predefinedDateRangeExpression is not supported by the sandbox")
	}
	return nil, errorf(codeInvalidQuery, "operator %s does not take a list or a query", op)
}

// constantKey normalises a constant; the string operators always compare
// text.
func constantKey(k kind, op api.Operator, v any) (key, bool) {
	switch op {
	case api.BeginsWith, api.EndsWith, api.Contains, api.DoesNotContain, api.Like:
		return key{s: strings.ToLower(text(v))}, true
	}
	return norm(k, v)
}

// operatorTest returns the test of op on two non-null values.
func operatorTest(op api.Operator, k kind, right *api.Expression) (func(a, b key) bool, error) {
	switch op {
	case api.Equal:
		return func(a, b key) bool { return cmpKeys(k, a, b) == 0 }, nil
	case api.NotEqual:
		return func(a, b key) bool { return cmpKeys(k, a, b) != 0 }, nil
	case api.LessThan:
		return func(a, b key) bool { return cmpKeys(k, a, b) < 0 }, nil
	case api.GreaterThan:
		return func(a, b key) bool { return cmpKeys(k, a, b) > 0 }, nil
	case api.LessThanOrEqual:
		return func(a, b key) bool { return cmpKeys(k, a, b) <= 0 }, nil
	case api.GreaterThanOrEqual:
		return func(a, b key) bool { return cmpKeys(k, a, b) >= 0 }, nil
	case api.BeginsWith:
		return func(a, b key) bool { return strings.HasPrefix(textOf(k, a), b.s) }, nil
	case api.EndsWith:
		return func(a, b key) bool { return strings.HasSuffix(textOf(k, a), b.s) }, nil
	case api.Contains:
		return func(a, b key) bool { return strings.Contains(textOf(k, a), b.s) }, nil
	case api.DoesNotContain:
		return func(a, b key) bool { return !strings.Contains(textOf(k, a), b.s) }, nil
	case api.Like:
		return likeTest(k, right)
	}
	return nil, errorf(codeInvalidQuery, "unknown operator %q", op)
}

func likeTest(k kind, right *api.Expression) (func(a, b key) bool, error) {
	if right.Kind == api.ConstantExpr {
		m := compileLike(strings.ToLower(text(right.Value)))
		return func(a, _ key) bool { return m(textOf(k, a)) }, nil
	}
	return func(a, b key) bool { return compileLike(b.s)(textOf(k, a)) }, nil
}
