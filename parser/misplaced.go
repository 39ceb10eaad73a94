package parser

import (
	"strings"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// misplaced explains a token e that is wrong where it stands whatever came
// before: SQL that CZQL lacks (HAVING, JOIN, DISTINCT, BETWEEN, functions,
// aliases of plain fields, field-to-field comparisons, several entities),
// and clauses out of order or repeated. It returns nil for other tokens.
func (x *explainer) misplaced(e int) *diag.Diagnostic {
	for _, check := range []func(int) *diag.Diagnostic{
		x.sqlOnly, x.missingField, x.betweenOrFunction, x.misplacedAggregate, x.misplacedSubquery,
		x.misplacedAlias, x.misplacedComma, x.fieldOperand, x.clauseOrder,
	} {
		if d := check(e); d != nil {
			return d
		}
	}
	return nil
}

// unsupported returns an unsupported-code error with a detail.
func unsupported(r diag.Range, msg, detail string) *diag.Diagnostic {
	d := diag.Errorf(CodeUnsupported, r, "%s", msg)
	d.Detail = detail
	return &d
}

// sqlOnly reports HAVING, JOIN and DISTINCT.
func (x *explainer) sqlOnly(e int) *diag.Diagnostic {
	cur := x.toks[e]
	r := lexer.Range(cur)
	switch {
	case isWord(cur, "HAVING"):
		return unsupported(r, "HAVING is not supported in CZQL",
			"CZQL cannot filter groups; filter the rows with WHERE before they are grouped.")
	case isJoin(cur.Value, next(x.toks, e).Value) && cur.Type == lexer.Ident:
		return unsupported(r, "JOIN is not supported in CZQL",
			"Select fields of a referenced entity with a dot path such as Manager.Name, "+
				"or related entities with a relation sub-select such as (SELECT Name FROM Resources).")
	case e >= 2 && x.toks[e-1].Type == lexer.Ident && strings.EqualFold(x.toks[e-1].Value, "DISTINCT") &&
		(isWord(x.toks[e-2], "SELECT") || isPunct(x.toks[e-2], "(")):
		return unsupported(lexer.Range(x.toks[e-1]), "DISTINCT is not supported in CZQL",
			"Group the rows instead: SELECT F, COUNT(F) AS N FROM E GROUP BY F.")
	}
	return nil
}

// isJoin reports whether the words w and then n start a SQL join.
func isJoin(w, n string) bool {
	if strings.EqualFold(w, "JOIN") {
		return true
	}
	for _, kind := range []string{"LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS"} {
		if strings.EqualFold(w, kind) && (strings.EqualFold(n, "JOIN") || strings.EqualFold(n, "OUTER")) {
			return true
		}
	}
	return false
}

// betweenOrFunction reports BETWEEN after a field and a function call.
func (x *explainer) betweenOrFunction(e int) *diag.Diagnostic {
	cur := x.toks[e]
	start, isField := predicateField(x.toks, e-1, x.mode == modeCondition)
	switch {
	case isWord(cur, "BETWEEN") && isField:
		f := pathText(x.toks, start, e-1)
		lo, hi := "a", "b"
		if e+3 < len(x.toks) && isWord(x.toks[e+2], "AND") {
			lo, hi = shorten(x.toks[e+1].Value), shorten(x.toks[e+3].Value)
		}
		return unsupported(lexer.Range(cur), "BETWEEN is not supported in CZQL; use "+
			f+" >= "+lo+" AND "+f+" <= "+hi, "")
	case !isPunct(cur, "(") || !isNameToken(x.toks[e-1]) || isAggregate(x.toks[e-1]):
		return nil
	case isField:
		return unsupported(lexer.Range(x.toks[e-1]).Cover(lexer.Range(cur)),
			"functions are not supported in CZQL conditions", "Compare the field itself with a value.")
	case x.itemStart(e - 1):
		return unsupported(lexer.Range(x.toks[e-1]).Cover(lexer.Range(cur)),
			"unknown function "+quote(x.toks[e-1].Value)+": the aggregates are COUNT, SUM, AVG, MIN and MAX", "")
	}
	return nil
}

// missingField reports a predicate whose field is missing, so that its
// operator keyword was read as the field: `WHERE NOT IN (1)`.
func (x *explainer) missingField(e int) *diag.Diagnostic {
	p, cur := x.toks[e-1], x.toks[e]
	if p.Type != lexer.Keyword || !x.inCondition(e-1) {
		return nil
	}
	if _, isField := predicateField(x.toks, e-1, x.mode == modeCondition); !isField {
		return nil
	}
	switch {
	case isWord(p, "IN") && isPunct(cur, "("),
		isWord(p, "LIKE") && isLiteralToken(cur),
		isWord(p, "IS") && (isWord(cur, "NULL") || isWord(cur, "NOT")):
		return syntaxAt(lexer.Range(p), "missing field before "+upper(p))
	}
	return nil
}

// misplacedAggregate reports an aggregate outside a SELECT list, or in
// another aggregate.
func (x *explainer) misplacedAggregate(e int) *diag.Diagnostic {
	p := x.toks[e-1]
	if !isPunct(x.toks[e], "(") || !isAggregate(p) {
		return nil
	}
	r := lexer.Range(p).Cover(lexer.Range(x.toks[e]))
	switch c := clauseOf(x.toks, e-1); {
	case c.inner() && parenKindOf(x.toks, c.open) == parenAggregate:
		return unsupported(r, "aggregates cannot be nested", "")
	case c.name == "ORDER BY":
		return unsupported(r, "an aggregate cannot be sorted on directly",
			"Name it in the SELECT list with AS, as in COUNT(Id) AS Total, and sort by the name.")
	case c.name != "SELECT":
		return unsupported(r, "aggregates are only allowed in the SELECT list", "")
	}
	return nil
}

// misplacedSubquery reports a sub-query anywhere but after IN.
func (x *explainer) misplacedSubquery(e int) *diag.Diagnostic {
	p, cur := x.toks[e-1], x.toks[e]
	switch {
	case isPunct(cur, "(") && p.Type == lexer.Operator && isWord(next(x.toks, e), "SELECT"):
		return unsupported(lexer.Range(cur), "a sub-query is only allowed after IN",
			"Write the comparison as F IN (SELECT …).")
	case isWord(cur, "SELECT") && isPunct(p, "(") && x.inCondition(e-1) && parenKindOf(x.toks, e-1) == parenGroup:
		return unsupported(lexer.Range(p), "a sub-query is only allowed after IN", "")
	}
	return nil
}

// itemStart reports whether token i starts an item of a SELECT list.
func (x *explainer) itemStart(i int) bool {
	c := clauseOf(x.toks, i)
	if c.name != "SELECT" || c.inner() {
		return false
	}
	return i == c.at+1 || isPunct(x.toks[i-1], ",")
}

// misplacedAlias reports AS anywhere but after an aggregate.
func (x *explainer) misplacedAlias(e int) *diag.Diagnostic {
	cur := x.toks[e]
	if !isWord(cur, "AS") || !actsAsKeyword(x.toks, e) {
		return nil
	}
	c := clauseOf(x.toks, e)
	if c.name != "SELECT" || c.inner() {
		return nil
	}
	if p := x.toks[e-1]; isPunct(p, ")") && x.closesAggregate(e-1) {
		return nil
	}
	return unsupported(lexer.Range(cur), "AS is only allowed after an aggregate: CZQL has no aliases for plain fields",
		"An alias names an aggregate's result, as in COUNT(Id) AS Total.")
}

// closesAggregate reports whether the ')' at i closes an aggregate's
// argument.
func (x *explainer) closesAggregate(i int) bool {
	depth := 0
	for j := i; j >= 0; j-- {
		switch t := x.toks[j]; {
		case isPunct(t, ")"):
			depth++
		case isPunct(t, "("):
			if depth--; depth == 0 {
				return parenKindOf(x.toks, j) == parenAggregate
			}
		}
	}
	return false
}

// misplacedComma reports a comma after FROM's entity or a LIMIT value.
func (x *explainer) misplacedComma(e int) *diag.Diagnostic {
	if !isPunct(x.toks[e], ",") {
		return nil
	}
	r := lexer.Range(x.toks[e])
	switch c := clauseOf(x.toks, e); {
	case c.inner():
		return nil
	case c.name == "FROM":
		return unsupported(r, "FROM takes one entity: joins are not supported in CZQL",
			"Select fields of a referenced entity with a dot path such as Manager.Name.")
	case c.name == "LIMIT" || c.name == "OFFSET":
		d := syntaxAt(r, "in "+c.name+" clause: "+c.name+" takes one value; write LIMIT count OFFSET start")
		return d
	}
	return nil
}

// fieldOperand reports a field on the right of a comparison.
func (x *explainer) fieldOperand(e int) *diag.Diagnostic {
	cur := x.toks[e]
	if cur.Type != lexer.Ident && cur.Type != lexer.AtIdent || x.toks[e-1].Type != lexer.Operator {
		return nil
	}
	d := unsupported(lexer.Range(cur), "comparing two fields is not supported in CZQL; compare with a value", "")
	if cur.Type == lexer.Ident {
		d.Detail = "If " + quote(cur.Value) + " is a value, quote it: '" + shorten(cur.Value) + "'."
	}
	return d
}

// clauseOrder reports a clause keyword that comes too late or twice, and
// a SELECT that starts a new statement without ';'.
func (x *explainer) clauseOrder(e int) *diag.Diagnostic {
	name := clauseName(x.toks, e)
	if name == "" || !actsAsKeyword(x.toks, e) && x.toks[e].Type == lexer.Keyword {
		return nil
	}
	c := clauseOf(x.toks, e)
	r := lexer.Range(x.toks[e])
	if name == "SELECT" {
		if c.sel == 0 && c.open < 0 {
			return syntaxAt(r, "missing ';' before SELECT: each statement ends with ';'")
		}
		return nil
	}
	if c.sel < 0 || !x.complete(e-1) {
		return nil
	}
	rank := clauseRank[name]
	for _, have := range clausesBetween(x.toks, c.sel, e) {
		switch {
		case have == name:
			return syntaxAt(r, "duplicate "+name+" clause")
		case clauseRank[have] > rank:
			return syntaxAt(r, name+" must come before "+have)
		}
	}
	return nil
}

// complete reports whether token i can end a clause: it asks for nothing
// more, and it does not end the field of a predicate, which asks for an
// operator.
func (x *explainer) complete(i int) bool {
	if _, demands := x.demand(i); demands {
		return false
	}
	_, field := predicateField(x.toks, i, x.mode == modeCondition)
	return !field || !x.inCondition(i)
}
