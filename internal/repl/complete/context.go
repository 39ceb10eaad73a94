package complete

import "github.com/czql/czql/lexer"

// clause is the clause of a query the scan is in.
type clause int

const (
	clauseNone clause = iota // before SELECT
	clauseSelect
	clauseFrom
	clauseWhere
	clauseGroupBy
	clauseOrderBy
	clauseLimit
	clauseOffset
)

// expect is what the grammar allows next, the state of the scan.
type expect int

const (
	expNothing        expect = iota // lost in invalid text: nothing to offer
	expStatement                    // start of a statement: SELECT
	expSelectItem                   // after SELECT or ',': field, aggregate, (SELECT
	expAggOpen                      // after COUNT: "("
	expAggArg                       // after COUNT(: field
	expAggClose                     // after COUNT(field: ")"
	expAfterAgg                     // after COUNT(field): AS, FROM, ','
	expAlias                        // after AS: an alias
	expAfterItem                    // after a select item: ',', FROM
	expSubSelect                    // after '(' in the select list: SELECT
	expEntity                       // after FROM: entity or relation
	expAfterEntity                  // after FROM Entity: WHERE, GROUP BY, …
	expCondition                    // after WHERE, AND, OR, NOT, '(': field, NOT
	expOperator                     // after a field in a condition: =, LIKE, IN, IS NULL, …
	expNotOperator                  // after field NOT: IN, LIKE
	expIsNull                       // after IS: NULL, NOT NULL
	expIsNotNull                    // after IS NOT: NULL
	expValue                        // after an operator: a literal
	expInOpen                       // after IN: "("
	expInValue                      // after IN ( or ',' in the list: a literal (or SELECT first)
	expInAfterValue                 // after a literal of an IN list: ',' or ')'
	expAfterPredicate               // after a predicate: AND, OR, ')', later clauses
	expBy                           // after GROUP or ORDER: BY
	expGroupItem                    // after GROUP BY or ',': field
	expAfterGroupItem               // after a GROUP BY field: ',', later clauses
	expOrderItem                    // after ORDER BY or ',': field
	expAfterOrderItem               // after an ORDER BY field: ASC, DESC, ',', later clauses
	expAfterDirection               // after ASC or DESC: ',', later clauses
	expLimitValue                   // after LIMIT or OFFSET: a number
	expAfterLimit                   // after LIMIT n: OFFSET
	expAfterOffset                  // after OFFSET n: nothing
)

// scopeKind tells what a query level is.
type scopeKind int

const (
	scopeTop      scopeKind = iota // the statement
	scopeRelation                  // (SELECT … FROM Relation) in a select list
	scopeSubquery                  // IN (SELECT … FROM Entity)
)

// scope is one query level of the statement and the scan's state in it.
type scope struct {
	kind      scopeKind
	outer     *scope
	start     int // index of its SELECT token in the statement, -1 before it
	clause    clause
	exp       expect
	resume    expect   // the outer scope's state once this one is closed
	condDepth int      // open condition parentheses
	path      []string // the field path being read or last read
	inPath    bool     // the last token was a segment of path: '.' may follow
	dot       bool     // the last token was a '.' after path
	op        string   // the operator before a value, upper case
	inFirst   bool     // in an IN list, no literal read yet
}

// analyse scans the tokens before the cursor and returns the innermost
// scope at the cursor with its state. It never fails: unexpected tokens
// lead to expNothing until a keyword (FROM, WHERE, AND, ',', …) resyncs.
func analyse(toks []tok) *scope {
	s := &scope{kind: scopeTop, start: -1, exp: expStatement}
	afterOpen := false
	for i, t := range toks {
		s = s.step(i, t, afterOpen)
		afterOpen = t.isPunct("(")
	}
	return s
}

// step consumes token i and returns the scope the scan continues in.
func (s *scope) step(i int, t tok, afterOpen bool) *scope {
	if s.dot {
		s.stepPathSegment(t)
		return s
	}
	wasInPath := s.inPath
	s.inPath = false
	switch {
	case t.is(lexer.Reserved, "SELECT"):
		return s.openQuery(i, afterOpen)
	case t.isPunct(")"):
		return s.closeParen()
	case t.isPunct(".") && wasInPath:
		s.dot = true
		s.inPath = false
		return s
	case s.stepClauseKeyword(t):
		return s
	case t.isPunct(","):
		s.stepComma()
		return s
	}
	s.stepInClause(t)
	return s
}

// stepPathSegment reads the name after a '.' of a field path.
func (s *scope) stepPathSegment(t tok) {
	s.dot = false
	if !t.isNameish() {
		s.exp = expNothing
		return
	}
	s.path = append(s.path, t.name())
	s.inPath = true
}

// startPath begins a field reference with its first name and moves to the
// state after it.
func (s *scope) startPath(t tok, next expect) {
	s.path = append(s.path[:0], t.name())
	s.inPath = true
	s.exp = next
}

// openQuery handles SELECT: the start of the statement, a sub-select after
// '(' (a new scope), or else the start of a new statement written without
// ';' (a fresh top scope).
func (s *scope) openQuery(i int, afterOpen bool) *scope {
	if s.exp == expStatement {
		s.start, s.clause, s.exp = i, clauseSelect, expSelectItem
		return s
	}
	if !afterOpen {
		return &scope{kind: scopeTop, start: i, clause: clauseSelect, exp: expSelectItem}
	}
	child := &scope{kind: scopeSubquery, outer: s, start: i, clause: clauseSelect, exp: expSelectItem, resume: expNothing}
	switch {
	case s.exp == expSubSelect:
		child.kind, child.resume = scopeRelation, expAfterItem
	case s.exp == expInValue:
		child.resume = expAfterPredicate
	case s.exp == expCondition && s.condDepth > 0:
		s.condDepth-- // the '(' was the sub-query's, not a group's
		child.resume = expAfterPredicate
	}
	return child
}

// closeParen handles ')': it ends an aggregate, an IN list, a condition
// group or the scope itself.
func (s *scope) closeParen() *scope {
	switch {
	case s.exp == expAggArg || s.exp == expAggClose:
		s.exp = expAfterAgg
	case s.exp == expInValue || s.exp == expInAfterValue:
		s.exp = expAfterPredicate
	case s.exp == expSubSelect:
		s.exp = expAfterItem
	case s.clause == clauseWhere && s.condDepth > 0:
		s.condDepth--
		s.exp = expAfterPredicate
	case s.outer != nil:
		o := s.outer
		o.exp, o.dot, o.inPath = s.resume, false, false
		return o
	default:
		s.exp = expNothing
	}
	return s
}

// stepClauseKeyword handles the keywords that start a clause or a
// condition term wherever they appear, which resyncs the scan after
// invalid text. It reports whether t was one.
func (s *scope) stepClauseKeyword(t tok) bool {
	switch {
	case t.is(lexer.Reserved, "FROM"):
		s.enterClause(clauseFrom, expEntity)
	case t.is(lexer.Reserved, "WHERE"):
		s.enterClause(clauseWhere, expCondition)
	case t.is(lexer.Keyword, "GROUP"):
		s.enterClause(clauseGroupBy, expBy)
	case t.is(lexer.Keyword, "ORDER"):
		s.enterClause(clauseOrderBy, expBy)
	case t.is(lexer.Keyword, "LIMIT"):
		s.enterClause(clauseLimit, expLimitValue)
	case t.is(lexer.Keyword, "OFFSET"):
		s.enterClause(clauseOffset, expLimitValue)
	case t.is(lexer.Reserved, "AND") || t.is(lexer.Reserved, "OR"):
		s.exp = expNothing
		if s.clause == clauseWhere {
			s.exp = expCondition
		}
	default:
		return false
	}
	return true
}

// enterClause moves to the start of clause c.
func (s *scope) enterClause(c clause, next expect) {
	s.clause, s.exp, s.condDepth = c, next, 0
}

// stepComma handles ',': the next item of a list.
func (s *scope) stepComma() {
	switch {
	case s.exp == expInValue || s.exp == expInAfterValue:
		s.exp, s.inFirst = expInValue, false
	case s.exp == expAggOpen || s.exp == expAggArg || s.exp == expAggClose:
		s.exp = expNothing
	case s.clause == clauseSelect:
		s.exp = expSelectItem
	case s.clause == clauseGroupBy:
		s.exp = expGroupItem
	case s.clause == clauseOrderBy:
		s.exp = expOrderItem
	default:
		s.exp = expNothing
	}
}
