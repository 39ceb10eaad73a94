package complete

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/format"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
)

// addValues adds the values of the value slot s: the values of its field
// as the validator accepts them (a pick list's, or the valid states of
// the entity a State field is read from: [metadata.Metadata.Values]),
// TRUE and FALSE for a boolean, and NULL last. In a string (quoted) only
// the listed values fit. Values are offered after =, <>, != and in an IN
// list only: not after <, >, LIKE, whose operands are no pick-list values.
func (c *completer) addValues(s parser.Slot, quoted bool) {
	if c.at || s.Field == nil || !takesValues(s.Op) {
		return
	}
	c.beginGroup(false)
	path := fieldPath(s.Field)
	f, from := c.r.fieldFrom(c.r.root(s.Scope), path)
	desc := valueDescription(path)
	if f != nil {
		vals, _ := c.md.Values(from, f)
		for _, v := range vals {
			c.col.add(v, Item{Text: format.Quote(v), Description: desc, Kind: Value})
		}
	}
	if quoted {
		return
	}
	if f != nil && f.Type == metadata.Boolean {
		c.col.add("TRUE", Item{Text: "TRUE", Description: desc, Kind: Value})
		c.col.add("FALSE", Item{Text: "FALSE", Description: desc, Kind: Value})
	}
	c.col.add("NULL", Item{Text: "NULL", Description: desc, Kind: Value})
}

// takesValues reports whether a value after the operator op is compared
// for equality: =, <>, != or IN.
func takesValues(op string) bool { return op == "=" || op == "<>" || op == "!=" || op == "IN" }

// fieldPath returns the names of the segments of f.
func fieldPath(f *ast.FieldRef) []string {
	path := make([]string, len(f.Segments))
	for i, s := range f.Segments {
		path[i] = s.Name
	}
	return path
}
