package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/lexer"
)

// This file reads the syntactic context of a position from the tokens
// alone, for error messages: the clause it is in, the parenthesis that
// encloses it and the role of the tokens before it. It never runs on a
// statement that parses.

// clause is the context of a position in a statement.
type clause struct {
	name string // SELECT, FROM, WHERE, GROUP BY, ORDER BY, LIMIT, OFFSET; "" before any
	at   int    // index of the clause keyword, or -1
	sel  int    // index of the SELECT of the (sub-)query the clause belongs to, or -1
	open int    // index of the innermost '(' enclosing the position, or -1
}

// clauseOf returns the context of the position of token e, looking back
// from the token before it. Parenthesised parts before e are skipped;
// leaving an enclosing '(' moves the search out one level.
func clauseOf(toks []plexer.Token, e int) clause {
	c := clause{at: -1, sel: -1, open: -1}
	depth := 0
	for i := e - 1; i >= 0; i-- {
		t := toks[i]
		switch {
		case isPunct(t, ")"):
			depth++
			continue
		case isPunct(t, "("):
			if depth > 0 {
				depth--
			} else if c.open < 0 {
				c.open = i
			}
			continue
		case depth > 0:
			continue
		}
		if c.name == "" {
			if name := clauseName(toks, i); name != "" {
				c.name, c.at = name, i
			}
		}
		if c.name != "" && isWord(t, "SELECT") {
			c.sel = i
			return c
		}
	}
	return c
}

// inner reports whether the innermost enclosing '(' lies inside the
// clause, as an IN list, an aggregate's argument or a condition group do.
func (c clause) inner() bool { return c.open >= 0 && c.open > c.at }

// clauseName returns the clause that token i starts, or "".
func clauseName(toks []plexer.Token, i int) string {
	t := toks[i]
	switch {
	case t.Type == lexer.Reserved && isAnyWord(t, "SELECT", "FROM", "WHERE"):
		if i > 0 && isPunct(toks[i-1], ".") {
			return "" // a name
		}
		return upper(t)
	case t.Type != lexer.Keyword:
		return ""
	case isAnyWord(t, "GROUP", "ORDER"):
		if isWord(next(toks, i), "BY") || actsAsKeyword(toks, i) {
			return upper(t) + " BY"
		}
	case isAnyWord(t, "LIMIT", "OFFSET"):
		if n := next(toks, i); n.Type == lexer.Number || n.Type == lexer.Param || actsAsKeyword(toks, i) {
			return upper(t)
		}
	}
	return ""
}

// clauseRank orders the clauses as a query must write them.
var clauseRank = map[string]int{
	"SELECT": 0, "FROM": 1, "WHERE": 2, "GROUP BY": 3, "ORDER BY": 4, "LIMIT": 5, "OFFSET": 6,
}

// clausesBetween returns the clauses that start at the level of the SELECT
// at sel, between it and token e.
func clausesBetween(toks []plexer.Token, sel, e int) []string {
	var out []string
	depth := 0
	for i := sel; i < e; i++ {
		switch t := toks[i]; {
		case isPunct(t, "("):
			depth++
		case isPunct(t, ")"):
			depth--
		case depth == 0:
			if name := clauseName(toks, i); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// next returns the token after i, or the last token (EOF).
func next(toks []plexer.Token, i int) plexer.Token {
	if i+1 < len(toks) {
		return toks[i+1]
	}
	return toks[len(toks)-1]
}

// expectsName reports whether a name may follow token i, so that a soft
// keyword after it is a name rather than a keyword.
func expectsName(toks []plexer.Token, i int) bool {
	t := toks[i]
	switch t.Type {
	case lexer.Reserved:
		if isWord(t, "NOT") {
			return logicalNot(toks, i) // not NOT IN, NOT LIKE or IS NOT
		}
		return true // SELECT FROM WHERE AND OR
	case lexer.Punct:
		return t.Value != ")"
	}
	return isAnyWord(t, "BY", "AS")
}

// actsAsKeyword reports whether the soft keyword at i is used as a
// keyword: no name is expected where it stands.
func actsAsKeyword(toks []plexer.Token, i int) bool {
	return toks[i].Type == lexer.Keyword && (i == 0 || !expectsName(toks, i-1))
}

// parenKind is what an opening parenthesis starts.
type parenKind int

const (
	parenGroup     parenKind = iota // a parenthesised condition
	parenList                       // an IN list or IN sub-query
	parenAggregate                  // an aggregate's argument
	parenSelect                     // a relation sub-select in a SELECT list
)

// parenKindOf returns what the '(' at o starts.
func parenKindOf(toks []plexer.Token, o int) parenKind {
	if o > 0 {
		switch p := toks[o-1]; {
		case isWord(p, "IN") && actsAsKeyword(toks, o-1):
			return parenList
		case isAggregate(p):
			return parenAggregate
		}
	}
	if c := clauseOf(toks, o); c.name == "SELECT" && !c.inner() {
		return parenSelect
	}
	return parenGroup
}

// subquery returns what kind of sub-query the SELECT at sel starts:
// parenList for an IN sub-query, parenSelect for a relation sub-select,
// and parenGroup for a statement.
func subquery(toks []plexer.Token, sel int) parenKind {
	if sel > 0 && isPunct(toks[sel-1], "(") {
		if parenKindOf(toks, sel-1) == parenList {
			return parenList
		}
		return parenSelect
	}
	return parenGroup
}

// logicalNot reports whether the NOT at i negates a condition, rather than
// being part of NOT IN, NOT LIKE or IS NOT.
func logicalNot(toks []plexer.Token, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1]
	return isAnyWord(p, "WHERE", "AND", "OR", "NOT") || isPunct(p, "(")
}

// predicateField returns the index of the first token of the field path
// that ends at token i, when that path starts a predicate: it follows
// WHERE, AND, OR, a negating NOT or the '(' of a group, or starts a bare
// condition.
func predicateField(toks []plexer.Token, i int, bare bool) (int, bool) {
	if i < 0 || !isNameToken(toks[i]) && !(i > 0 && isPunct(toks[i-1], ".")) {
		return 0, false
	}
	j := i
	for j >= 2 && isPunct(toks[j-1], ".") {
		j -= 2
	}
	if !isNameToken(toks[j]) {
		return 0, false
	}
	if j == 0 {
		return 0, bare
	}
	p := toks[j-1]
	switch {
	case isAnyWord(p, "WHERE", "AND", "OR"):
		return j, true
	case isWord(p, "NOT"):
		return j, logicalNot(toks, j-1)
	case isPunct(p, "("):
		return j, parenKindOf(toks, j-1) == parenGroup
	}
	return 0, false
}

// pathText returns the text of the tokens from i to j inclusive.
func pathText(toks []plexer.Token, i, j int) string {
	s := ""
	for k := i; k <= j; k++ {
		s += toks[k].Value
	}
	return s
}
