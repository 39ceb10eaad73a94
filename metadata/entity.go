package metadata

import (
	"slices"
	"sync"
)

// Entity is one EntityDescription (czql-reference §6.2): an entity type with
// its own fields, relations and pick-list values. Lookups through Field and
// Relation also see the fields and relations inherited through
// ParentEntity; they are indexed by New.
type Entity struct {
	// TypeName is the canonical name, e.g. "Task".
	TypeName    string
	Label       string
	LabelPlural string
	// ParentEntity names the base type ("" at the root), e.g. WorkItem
	// for Task.
	ParentEntity string
	// DisplayField names the field shown for a reference, e.g. "Name".
	DisplayField string
	Disabled     bool
	// ValidStates lists the states of a stateful entity; nil otherwise.
	ValidStates []string
	// Fields are the fields as declared in the JSON (own fields).
	Fields []*Field
	// Relations are the declared relations.
	Relations []*Relation
	// Pickups are the values of a pick-list entity.
	Pickups []*Pickup

	md     *Metadata // the Metadata the entity belongs to
	parent *Entity   // resolved ParentEntity, nil at the root
	depth  int       // 1 at the root of the parent chain

	// The fields and relations of the entity and of some of its nearest
	// ancestors (its block, see indexOne), nearest first, deduplicated by
	// name, with their indexes; lookups go on in the block of skip.
	blockFields []*Field
	blockRels   []*Relation
	fieldIdx    nameIndex // over blockFields
	relIdx      nameIndex // over blockRels
	ownFields   int       // the entity's own fields come first in blockFields
	ownRels     int       // and its own relations first in blockRels
	skip        *Entity   // the nearest ancestor the block does not cover
	all         *entityAll

	// nameHashes, when it has one entry per field, holds the fold hashes
	// of Fields' names (read from a cache); indexing consumes and clears it.
	nameHashes []uint32
	// lazy is set for an entity read from a cache (see ensure).
	lazy *entityLazy
}

// Parent returns the entity named by ParentEntity, or nil at the root, when
// the parent is unknown or when the entity is not part of a Metadata.
func (e *Entity) Parent() *Entity {
	if e == nil {
		return nil
	}
	e.ensure() // materialises the parent chain too
	return e.parent
}

// Field returns the field called name, compared case-insensitively, among
// the entity's own fields and then those of its ancestors (czql-reference
// §9 row 15); nil if there is none.
func (e *Entity) Field(name string) *Field {
	if e == nil {
		return nil
	}
	e.ensure()
	if e.md == nil { // not indexed: own fields only
		for _, f := range e.Fields {
			if equalFold(f.Name, name) {
				return f
			}
		}
		return nil
	}
	h := foldHash(name)
	for b := e; b != nil; b = b.skip {
		if i := b.fieldIdx.findHashed(name, h); i >= 0 {
			return b.blockFields[i]
		}
	}
	return nil
}

// Relation returns the relation called name, compared case-insensitively,
// own or inherited; nil if there is none.
func (e *Entity) Relation(name string) *Relation {
	if e == nil {
		return nil
	}
	e.ensure()
	if e.md == nil {
		for _, r := range e.Relations {
			if equalFold(r.Name, name) {
				return r
			}
		}
		return nil
	}
	h := foldHash(name)
	for b := e; b != nil; b = b.skip {
		if i := b.relIdx.findHashed(name, h); i >= 0 {
			return b.blockRels[i]
		}
	}
	return nil
}

// AllFields returns the own fields followed by the inherited ones, without
// two fields of the same name (case-insensitively; the nearest wins). The
// slice is shared: do not modify it. It is built on the first call, in time
// linear in the fields of the entity's parent chain.
func (e *Entity) AllFields() []*Field {
	if e == nil {
		return nil
	}
	e.ensure()
	if e.md == nil {
		return e.Fields
	}
	return e.lists().fields
}

// AllRelations returns the own relations followed by the inherited ones,
// deduplicated by name like AllFields. The slice is shared.
func (e *Entity) AllRelations() []*Relation {
	if e == nil {
		return nil
	}
	e.ensure()
	if e.md == nil {
		return e.Relations
	}
	return e.lists().rels
}

// entityAll holds the results of AllFields and AllRelations, built on
// first use: building them for every entity of a long chain at load would
// take time and memory quadratic in its length.
type entityAll struct {
	once   sync.Once
	fields []*Field
	rels   []*Relation
}

// lists returns e's AllFields and AllRelations, building them on first use
// from the blocks of e's chain.
func (e *Entity) lists() *entityAll {
	a := e.all
	a.once.Do(func() {
		a.fields = gather(e, func(b *Entity) ([]*Field, *nameIndex) { return b.blockFields, &b.fieldIdx })
		a.rels = gather(e, func(b *Entity) ([]*Relation, *nameIndex) { return b.blockRels, &b.relIdx })
	})
	return a
}

// gather concatenates the blocks of e's chain, nearest first, dropping the
// items whose name repeats an earlier one. When e's block covers its whole
// chain, it is the result.
func gather[T any](e *Entity, part func(*Entity) ([]T, *nameIndex)) []T {
	items, _ := part(e)
	if e.skip == nil {
		return items
	}
	size := 0
	for b := e; b != nil; b = b.skip {
		items, _ := part(b)
		size += len(items)
	}
	all := make([]T, 0, size)
	ix := emptyIndex(size)
	for b := e; b != nil; b = b.skip {
		items, bix := part(b)
		for i, it := range items {
			if ix.add(bix.names[i], bix.hashes[i]) {
				all = append(all, it)
			}
		}
	}
	return slices.Clip(all)
}

// FieldNames returns the canonical names of AllFields, e.g. for
// did-you-mean suggestions.
func (e *Entity) FieldNames() []string {
	all := e.AllFields()
	names := make([]string, len(all))
	for i, f := range all {
		names[i] = f.Name
	}
	return names
}

// IsA reports whether e is typeName or has it as an ancestor, compared
// case-insensitively.
func (e *Entity) IsA(typeName string) bool {
	seen := 0
	for a := e; a != nil; a = a.parent {
		if equalFold(a.TypeName, typeName) {
			return true
		}
		if seen++; seen > maxDepth {
			break
		}
	}
	return false
}

// PickupValues returns the Value of each pickup, in order.
func (e *Entity) PickupValues() []string {
	if e == nil {
		return nil
	}
	e.ensure()
	vals := make([]string, len(e.Pickups))
	for i, p := range e.Pickups {
		vals[i] = p.Value
	}
	return vals
}

// maxDepth bounds walks up parent chains (New breaks cycles; this is a
// second guard).
const maxDepth = 1 << 16
