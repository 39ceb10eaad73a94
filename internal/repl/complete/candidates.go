package complete

import (
	"slices"
	"strings"

	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
)

// completer turns what the parser expects at one cursor position into
// items.
type completer struct {
	md   *metadata.Metadata
	text string
	exp  *parser.Expected
	r    resolver
	at   bool // the word is an @name: only names are offered
	col  collector
	// incomplete: names were left out that a longer prefix may offer.
	incomplete bool
}

// newCompleter prepares the items of exp, the parser's answer for text.
func newCompleter(md *metadata.Metadata, text string, exp *parser.Expected) *completer {
	c := &completer{md: md, text: text, exp: exp, r: resolver{md: md}}
	prefix := exp.Prefix
	switch {
	case exp.InString:
		prefix, _ = lexer.Unquote(prefix)
	case strings.HasPrefix(prefix, "@"):
		prefix, c.at = prefix[1:], true
	}
	c.col.m = newMatcher(prefix)
	return c
}

// items returns the items of the position, best first: the names of each
// slot in the parser's order, then the aggregates and the relation
// sub-select, then the operators and keywords. Inside a string only the
// pick-list values of a value slot fit.
func (c *completer) items() []Item {
	if c.exp.InString {
		for _, s := range c.exp.Names {
			if s.Role == parser.RoleValue {
				c.addValues(s, true)
			}
		}
		return c.col.items()
	}
	for _, s := range c.exp.Names {
		c.addSlot(s)
	}
	if !c.at { // an @ starts a name: no keyword, operator or function
		c.addFunctions()
		c.addWords(Operator, descOperator, c.exp.Operators)
		c.addKeywords()
	}
	return c.col.items()
}

// addSlot adds the names of one slot.
func (c *completer) addSlot(s parser.Slot) {
	switch s.Role {
	case parser.RoleEntity:
		c.addEntities()
	case parser.RoleRelation:
		c.addRelations(c.r.entity(s.Scope.Entity))
	case parser.RoleField:
		switch {
		case len(s.Path) > 0:
			c.addFields(c.r.follow(c.r.root(s.Scope), s.Path))
		case c.md != nil && c.beforeFROM(s):
			c.addAnyFields() // no FROM yet: the fields of every entity
		default:
			c.addFields(c.r.root(s.Scope))
		}
	case parser.RoleValue:
		c.addValues(s, false)
	}
}

// beforeFROM reports whether the field slot s is a select item of a
// statement that has no FROM yet: the parser offers the aggregates in a
// statement's own select list only.
func (c *completer) beforeFROM(s parser.Slot) bool {
	return s.Scope.Entity == "" && !s.Scope.Relation && len(c.exp.Functions) > 0
}

// addFunctions adds the aggregate functions, and "(SELECT" for a relation
// sub-select when the entity has relations.
func (c *completer) addFunctions() {
	if len(c.exp.Functions) == 0 && !c.exp.SubSelect {
		return
	}
	c.beginGroup(false)
	for _, a := range c.exp.Functions {
		c.col.add(a, Item{Text: a + "(", Description: descAggregate, Kind: Function})
	}
	if c.exp.SubSelect && hasRelations(c.selectEntities()) {
		c.col.add("SELECT", Item{Text: "(SELECT", Description: descSubSelect, Kind: Keyword})
	}
}

// selectEntities returns the entities of the select list the cursor is
// in: those of its field slot.
func (c *completer) selectEntities() []*metadata.Entity {
	for _, s := range c.exp.Names {
		if s.Role == parser.RoleField && len(s.Path) == 0 {
			return c.r.root(s.Scope)
		}
	}
	return nil
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

// addKeywords adds the keywords and phrases the parser expects, in its
// order; the operator phrases after the field of a condition (LIKE, NOT
// IN, IS NULL, …) are operators.
func (c *completer) addKeywords() {
	words := c.exp.Keywords
	if len(words) == 0 {
		return
	}
	if slices.Contains(words, "SELECT") {
		// Where a query may start, nothing else does; the parser also
		// offers FROM after a '(' in a select list ("SELECT a, (|"),
		// which its recovery reads again.
		words = []string{"SELECT"}
	}
	c.beginGroup(false)
	for _, w := range words {
		if isOperatorWord(w) {
			c.col.add(w, Item{Text: w, Description: descOperator, Kind: Operator})
		} else {
			c.col.add(w, Item{Text: w, Description: descKeyword, Kind: Keyword})
		}
	}
}

// isOperatorWord reports whether the keyword or phrase w is (part of) a
// condition operator: what follows a field, NOT or IS in a predicate.
func isOperatorWord(w string) bool {
	switch w {
	case "LIKE", "NOT LIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL", "NULL", "NOT NULL":
		return true
	}
	return false
}

// addWords adds fixed words of kind k, in the given order, as one group.
func (c *completer) addWords(k Kind, desc string, words []string) {
	if len(words) == 0 {
		return
	}
	c.beginGroup(false)
	for _, w := range words {
		c.col.add(w, Item{Text: w, Description: desc, Kind: k})
	}
}

// beginGroup starts a group of items.
func (c *completer) beginGroup(byName bool) { c.col.beginGroup(byName) }
