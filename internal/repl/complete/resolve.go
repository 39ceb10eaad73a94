package complete

import (
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
)

// resolver finds the entities of scopes and field paths in the metadata.
type resolver struct {
	md *metadata.Metadata
}

// root returns the entities whose fields a scope's names are: the FROM
// entity, or for a relation sub-select the target of the outer entity's
// relation named after its FROM. Nil when unknown or without metadata.
func (r resolver) root(s parser.Scope) []*metadata.Entity {
	if r.md == nil {
		return nil
	}
	if s.Relation {
		if targets := r.relationTargets(r.entity(s.Outer), s.Entity); len(targets) > 0 {
			return targets
		}
	}
	return r.entity(s.Entity)
}

// entity returns the entity called name as a set of one, or nil.
func (r resolver) entity(name string) []*metadata.Entity {
	if r.md == nil || name == "" {
		return nil
	}
	if e := r.md.Entity(name); e != nil {
		return []*metadata.Entity{e}
	}
	return nil
}

// relationTargets returns the entities on the other side of the relation
// called name of any of ents.
func (r resolver) relationTargets(ents []*metadata.Entity, name string) []*metadata.Entity {
	var out []*metadata.Entity
	for _, e := range ents {
		if rel := e.Relation(name); rel != nil {
			out = r.addEntity(out, rel.RelatedTypeName)
		}
	}
	return out
}

// addEntity appends the entity called name to ents unless it is unknown
// or already there.
func (r resolver) addEntity(ents []*metadata.Entity, name string) []*metadata.Entity {
	e := r.md.Entity(name)
	if e == nil {
		return ents
	}
	for _, have := range ents {
		if have == e {
			return ents
		}
	}
	return append(ents, e)
}

// follow walks a dot path from ents: each segment is a reference field,
// and the result is the union of the entities its last segment
// references (every target of a field with several).
func (r resolver) follow(ents []*metadata.Entity, path []string) []*metadata.Entity {
	for _, seg := range path {
		var next []*metadata.Entity
		for _, e := range ents {
			if f := e.Field(seg); f != nil {
				for _, ref := range f.ReferencedEntities {
					next = r.addEntity(next, ref)
				}
			}
		}
		ents = next
	}
	return ents
}

// fieldFrom returns the field a path names from ents ("State", or
// "Manager.State" through the reference Manager; nil when unknown), and
// the entity of ents it is read from when the path is a single name;
// from is nil for a path through references (as
// [metadata.Metadata.Values] takes it).
func (r resolver) fieldFrom(ents []*metadata.Entity, path []string) (f *metadata.Field, from *metadata.Entity) {
	if len(path) == 0 {
		return nil, nil
	}
	for _, e := range r.follow(ents, path[:len(path)-1]) {
		if f := e.Field(path[len(path)-1]); f != nil {
			if len(path) == 1 {
				from = e
			}
			return f, from
		}
	}
	return nil, nil
}
