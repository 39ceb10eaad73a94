package complete

import (
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
)

// completer computes the items of one cursor position.
type completer struct {
	md  *metadata.Metadata
	r   *resolver
	sc  *scope
	fr  fragment
	at  bool // the fragment is an @name: only names are offered
	col collector
}

// newCompleter prepares the completion of the statement st whose scan
// ended in scope sc.
func newCompleter(md *metadata.Metadata, st statement, sc *scope) *completer {
	c := &completer{md: md, r: &resolver{md: md, toks: st.toks}, sc: sc, fr: st.frag}
	prefix := ""
	switch st.frag.kind {
	case fragWord:
		prefix = st.frag.tok.name()
		c.at = st.frag.tok.isEscaped()
	case fragString:
		prefix, _ = lexer.Unquote(st.frag.tok.text)
	}
	c.col.m = newMatcher(prefix)
	return c
}

// items returns the items of the context, best first.
func (c *completer) items() []Item {
	if c.fr.kind == fragString {
		if c.isValuePosition() {
			c.addValues(true)
		}
		return c.col.items()
	}
	if c.sc.dot {
		c.addFields(c.r.follow(c.r.entities(c.sc), c.sc.path))
		return c.col.items()
	}
	c.suggest()
	return c.col.items()
}

// suggest adds the items of the scan state.
func (c *completer) suggest() {
	switch c.sc.exp {
	case expStatement:
		c.addKeywords(Keyword, descKeyword, "SELECT")
	case expSelectItem:
		c.addSelectItems()
	case expAggArg, expGroupItem, expOrderItem:
		c.addFields(c.r.entities(c.sc))
	case expAfterAgg:
		c.addKeywords(Keyword, descKeyword, "AS", "FROM")
	case expAfterItem:
		c.addKeywords(Keyword, descKeyword, "FROM")
	case expSubSelect:
		c.addKeywords(Keyword, descKeyword, "SELECT")
	case expEntity:
		c.addFromTargets()
	case expCondition:
		c.addFields(c.r.entities(c.sc))
		c.addKeywords(Keyword, descKeyword, "NOT")
	default:
		c.suggestAfter()
	}
}

// suggestAfter adds the items of the states after a complete part of a
// clause: operators, values and the keywords that may follow.
func (c *completer) suggestAfter() {
	switch c.sc.exp {
	case expAfterEntity:
		c.addClauses(clauseFrom)
	case expOperator:
		c.addKeywords(Operator, descOperator, "=", "<>", "<", "<=", ">", ">=",
			"LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL")
	case expNotOperator:
		c.addKeywords(Operator, descOperator, "IN", "LIKE")
	case expIsNull:
		c.addKeywords(Operator, descOperator, "NULL", "NOT NULL")
	case expIsNotNull:
		c.addKeywords(Operator, descOperator, "NULL")
	case expValue, expInValue:
		c.addValuesAt()
	case expAfterPredicate:
		c.addKeywords(Keyword, descKeyword, "AND", "OR")
		if c.sc.condDepth == 0 {
			c.addClauses(clauseWhere)
		}
	case expBy:
		c.addKeywords(Keyword, descKeyword, "BY")
	case expAfterGroupItem:
		c.addClauses(clauseGroupBy)
	case expAfterOrderItem:
		c.addKeywords(Keyword, descKeyword, "ASC", "DESC")
		c.addClauses(clauseOrderBy)
	case expAfterDirection:
		c.addClauses(clauseOrderBy)
	case expAfterLimit:
		c.addKeywords(Keyword, descKeyword, "OFFSET")
	}
}

// clauseKeywords are the clauses after FROM, in grammar order.
var clauseKeywords = [...]struct {
	c    clause
	word string
}{
	{clauseWhere, "WHERE"}, {clauseGroupBy, "GROUP BY"}, {clauseOrderBy, "ORDER BY"},
	{clauseLimit, "LIMIT"}, {clauseOffset, "OFFSET"},
}

// addClauses adds the keywords of the clauses that may follow clause c.
func (c *completer) addClauses(after clause) {
	c.beginGroup(false)
	for _, k := range clauseKeywords {
		if k.c > after {
			c.addKeyword(Keyword, descKeyword, k.word)
		}
	}
}

// addSelectItems adds the candidates of a select item: fields, aggregate
// functions, and a relation sub-select when the entity has relations (in
// the statement's own select list only: sub-selects do not nest).
func (c *completer) addSelectItems() {
	ents := c.r.entities(c.sc)
	if c.md != nil && c.sc.kind == scopeTop && c.r.fromName(c.sc.start) == "" {
		c.addAnyFields() // no FROM yet: the fields of every entity
	} else {
		c.addFields(ents)
	}
	if c.at {
		return
	}
	c.beginGroup(false)
	for _, a := range aggregates {
		c.col.add(a, Item{Text: a + "(", Description: descAggregate, Kind: Function})
	}
	if c.sc.kind == scopeTop && hasRelations(ents) {
		c.col.add("SELECT", Item{Text: "(SELECT", Description: descSubSelect, Kind: Keyword})
	}
}

// hasRelations reports whether any of ents has a relation.
func hasRelations(ents []*metadata.Entity) bool {
	for _, e := range ents {
		if len(e.AllRelations()) > 0 {
			return true
		}
	}
	return false
}

// addKeywords adds fixed words, in the given order, as one group.
func (c *completer) addKeywords(k Kind, desc string, words ...string) {
	c.beginGroup(false)
	for _, w := range words {
		c.addKeyword(k, desc, w)
	}
}

// addKeyword adds one fixed word; none after an @, which starts a name.
func (c *completer) addKeyword(k Kind, desc, word string) {
	if !c.at {
		c.col.add(word, Item{Text: word, Description: desc, Kind: k})
	}
}

// beginGroup starts a group of items.
func (c *completer) beginGroup(byName bool) { c.col.beginGroup(byName) }
