package complete

import (
	"github.com/czql/czql/format"
	"github.com/czql/czql/metadata"
)

// isValuePosition reports whether the cursor is where a pick-list value
// may be written: after =, <>, != or in an IN list.
func (c *completer) isValuePosition() bool {
	switch c.sc.exp {
	case expValue:
		return c.sc.op == "=" || c.sc.op == "<>" || c.sc.op == "!="
	case expInValue:
		return true
	}
	return false
}

// addValuesAt adds the values of a value position (not inside a string).
func (c *completer) addValuesAt() {
	if c.isValuePosition() {
		c.addValues(false)
	}
	if c.sc.exp == expInValue && c.sc.inFirst {
		c.addKeywords(Keyword, descKeyword, "SELECT")
	}
}

// addValues adds the values of the field before the operator: its
// pick-list values, TRUE and FALSE for a boolean, and NULL last. In a
// string (quoted) only the pick-list values fit.
func (c *completer) addValues(quoted bool) {
	if c.at {
		return
	}
	c.beginGroup(false)
	f := c.r.field(c.r.entities(c.sc), c.sc.path)
	desc := valueDescription(c.sc.path)
	if f != nil && f.IsPickList() {
		for _, v := range c.pickValues(f) {
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

// pickValues returns the pick-list values of f: the pickups of the
// entities it references, in order, without repeats.
func (c *completer) pickValues(f *metadata.Field) []string {
	if len(f.ReferencedEntities) == 1 {
		if e := c.md.Entity(f.ReferencedEntities[0]); e != nil {
			return e.PickupValues()
		}
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, ref := range f.ReferencedEntities {
		if e := c.md.Entity(ref); e != nil {
			for _, v := range e.PickupValues() {
				if !seen[v] {
					seen[v] = true
					out = append(out, v)
				}
			}
		}
	}
	return out
}
