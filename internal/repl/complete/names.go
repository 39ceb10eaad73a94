package complete

import (
	"strings"

	"github.com/czql/czql/lexer"
	"github.com/czql/czql/metadata"
)

// nameText returns how a name is inserted: escaped with @ when the user
// typed one or when the name is a keyword, as the formatter writes it.
func (c *completer) nameText(name string) string {
	if c.at || lexer.IsKeyword(name) {
		return "@" + name
	}
	return name
}

// addFields adds the fields of ents (their union, the first of a name
// winning), ordered by name.
func (c *completer) addFields(ents []*metadata.Entity) {
	c.beginGroup(true)
	for i, e := range ents {
		for _, f := range e.AllFields() {
			mc := c.col.matches(f.Name)
			if mc == noMatch || shadowed(ents[:i], f.Name) {
				continue
			}
			c.col.addClass(mc, f.Name, Item{Text: c.nameText(f.Name), Description: fieldDescription(f), Kind: Field, Field: f})
		}
	}
}

// shadowed reports whether one of ents already has a field called name.
func shadowed(ents []*metadata.Entity, name string) bool {
	for _, e := range ents {
		if e.Field(name) != nil {
			return true
		}
	}
	return false
}

// addRelations adds the relations of ents, ordered by name.
func (c *completer) addRelations(ents []*metadata.Entity) {
	c.beginGroup(true)
	seen := map[string]bool{}
	for _, e := range ents {
		for _, r := range e.AllRelations() {
			key := strings.ToLower(r.Name)
			if seen[key] {
				continue
			}
			seen[key] = true
			c.col.add(r.Name, Item{Text: c.nameText(r.Name), Description: relationDescription(r), Kind: Relation, Relation: r})
		}
	}
}

// addEntities adds every entity of the metadata, ordered by name.
func (c *completer) addEntities() {
	c.beginGroup(true)
	if c.md == nil {
		return
	}
	names := c.md.EntityNames()
	c.col.grow(len(names))
	for _, name := range names {
		mc := c.col.matches(name)
		if mc == noMatch {
			continue
		}
		c.col.addClass(mc, name, Item{Text: c.nameText(name), Description: descEntity, Kind: Entity})
	}
}
