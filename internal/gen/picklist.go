package gen

import (
	"slices"
	"strings"

	"github.com/czql/czql/metadata"
)

// pickList is a generated type of pick-list values: that of a pick-list
// entity, shared by the fields that reference it alone, or that of one
// field (a State field with the entity's valid states, a field
// referencing several pick lists).
type pickList struct {
	of     string // what the values are of, for the comment
	typ    string
	values []string
	consts []string
}

// isPickList reports whether f of e takes the values of a pick list: a
// pick-list field, or the State field of an entity with valid states.
func (g *generator) isPickList(e *metadata.Entity, f *metadata.Field) bool {
	return f.Type == metadata.EntityRef && (f.IsPickList() || isState(e, f))
}

// isState reports whether f is the State field of e, an entity with valid
// states.
func isState(e *metadata.Entity, f *metadata.Field) bool {
	return strings.EqualFold(f.Name, "State") && len(e.ValidStates) > 0
}

// pickValues returns the values f of e takes, as the bad-value rule of
// package validate does: e's valid states for its State field, else the
// values of the pick lists it references; duplicates are dropped.
func (g *generator) pickValues(e *metadata.Entity, f *metadata.Field) []string {
	var vals []string
	if isState(e, f) {
		vals = slices.Clone(e.ValidStates)
	} else {
		for _, ref := range f.ReferencedEntities {
			vals = append(vals, g.md.Entity(ref).PickupValues()...)
		}
	}
	var out []string
	for _, v := range vals {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// pickKey returns the key of the pick list of f of e: the pick-list
// entity it references alone, or the field.
func pickKey(e *metadata.Entity, f *metadata.Field) string {
	if !isState(e, f) && len(f.ReferencedEntities) == 1 {
		return strings.ToLower(f.ReferencedEntities[0])
	}
	return strings.ToLower(e.TypeName + "." + f.Name)
}

// planPickList names the type and constants of the values of f, a field
// of ent, unless they have them already or there are none.
func (g *generator) planPickList(ent *entityNames, f *metadata.Field) {
	key := pickKey(ent.e, f)
	if g.picks[key] != nil {
		return
	}
	vals := g.pickValues(ent.e, f)
	if len(vals) == 0 {
		return
	}
	p := &pickList{of: ent.e.TypeName + "." + f.Name, values: vals}
	prefix := ent.value + words(f.Name)
	if !strings.Contains(key, ".") {
		pl := g.md.Entity(f.ReferencedEntities[0])
		p.of = "the pick list " + pl.TypeName
		prefix = exported(pl.TypeName)
		p.typ = g.top.name(prefix + "Value")
	} else {
		p.typ = g.top.name(prefix)
	}
	for _, v := range vals {
		p.consts = append(p.consts, g.top.name(prefix+suffix(v)))
	}
	g.picks[key] = p
	if strings.Contains(key, ".") {
		ent.picks = append(ent.picks, p)
	} else {
		g.shared = append(g.shared, p)
	}
}

// pickType returns the Go type of the values of f of e: its pick list's,
// or string when the metadata lists no values.
func (g *generator) pickType(e *metadata.Entity, f *metadata.Field) string {
	if p := g.picks[pickKey(e, f)]; p != nil {
		return p.typ
	}
	return "string"
}
