package complete

import (
	"strings"

	"github.com/czql/czql/lexer"
)

// stepInClause handles a token that has a meaning only in the current
// state; any other token leads to expNothing.
func (s *scope) stepInClause(t tok) {
	next := s.nextState(t)
	if next != keepState {
		s.exp = next
	}
}

// keepState is returned by the transition functions that set the state
// themselves (startPath).
const keepState expect = -1

// nextState returns the state after t, by the current state.
func (s *scope) nextState(t tok) expect {
	switch s.exp {
	case expSelectItem:
		return s.selectItem(t)
	case expAggOpen:
		return when(t.isPunct("("), expAggArg)
	case expAggArg:
		return s.fieldOr(t, expAggClose)
	case expAfterAgg:
		return when(t.is(lexer.Keyword, "AS"), expAlias)
	case expAlias:
		return when(t.isName(), expAfterItem)
	case expEntity:
		return when(t.isName(), expAfterEntity)
	case expCondition:
		return s.conditionStart(t)
	case expOperator:
		return s.operator(t)
	case expNotOperator:
		return s.notOperator(t)
	case expIsNull:
		return s.isNull(t)
	case expIsNotNull:
		return when(t.is(lexer.Keyword, "NULL"), expAfterPredicate)
	case expValue:
		return when(t.isLiteral(), expAfterPredicate)
	case expInOpen:
		s.inFirst = t.isPunct("(")
		return when(s.inFirst, expInValue)
	case expInValue:
		return when(t.isLiteral(), expInAfterValue)
	case expBy:
		return s.by(t)
	case expGroupItem:
		return s.fieldOr(t, expAfterGroupItem)
	case expOrderItem:
		return s.fieldOr(t, expAfterOrderItem)
	case expAfterOrderItem:
		return when(t.is(lexer.Keyword, "ASC") || t.is(lexer.Keyword, "DESC"), expAfterDirection)
	case expLimitValue:
		return s.limitValue(t)
	}
	return expNothing
}

// when returns next if ok and expNothing otherwise.
func when(ok bool, next expect) expect {
	if ok {
		return next
	}
	return expNothing
}

// fieldOr starts a field path and moves to next, or fails.
func (s *scope) fieldOr(t tok, next expect) expect {
	if !t.isName() {
		return expNothing
	}
	s.startPath(t, next)
	return keepState
}

// selectItem handles the first token of a select item.
func (s *scope) selectItem(t tok) expect {
	switch {
	case t.isPunct("("):
		return expSubSelect
	case t.kind == lexer.Keyword && isAggregate(t.text):
		return expAggOpen
	}
	return s.fieldOr(t, expAfterItem)
}

// conditionStart handles the first token of a condition term.
func (s *scope) conditionStart(t tok) expect {
	switch {
	case t.is(lexer.Reserved, "NOT"):
		return expCondition
	case t.isPunct("("):
		s.condDepth++
		return expCondition
	}
	return s.fieldOr(t, expOperator)
}

// operator handles the token after a field in a condition.
func (s *scope) operator(t tok) expect {
	switch {
	case t.kind == lexer.Operator:
		s.op = t.text
		return expValue
	case t.is(lexer.Reserved, "NOT"):
		return expNotOperator
	case t.is(lexer.Keyword, "IS"):
		return expIsNull
	}
	return s.notOperator(t)
}

// notOperator handles LIKE and IN, after a field or after field NOT.
func (s *scope) notOperator(t tok) expect {
	switch {
	case t.is(lexer.Keyword, "LIKE"):
		s.op = "LIKE"
		return expValue
	case t.is(lexer.Keyword, "IN"):
		s.op = "IN"
		return expInOpen
	}
	return expNothing
}

// isNull handles the token after IS.
func (s *scope) isNull(t tok) expect {
	switch {
	case t.is(lexer.Keyword, "NULL"):
		return expAfterPredicate
	case t.is(lexer.Reserved, "NOT"):
		return expIsNotNull
	}
	return expNothing
}

// by handles BY after GROUP or ORDER.
func (s *scope) by(t tok) expect {
	switch {
	case !t.is(lexer.Keyword, "BY"):
		return expNothing
	case s.clause == clauseGroupBy:
		return expGroupItem
	}
	return expOrderItem
}

// limitValue handles the number after LIMIT or OFFSET.
func (s *scope) limitValue(t tok) expect {
	switch {
	case t.kind != lexer.Number && t.kind != lexer.Param:
		return expNothing
	case s.clause == clauseLimit:
		return expAfterLimit
	}
	return expAfterOffset
}

// aggregates are the aggregate functions of the select list.
var aggregates = [...]string{"COUNT", "SUM", "AVG", "MIN", "MAX"}

// isAggregate reports whether name is an aggregate function.
func isAggregate(name string) bool {
	for _, a := range aggregates {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}
