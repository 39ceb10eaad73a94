package metadata

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

	md        *Metadata   // the Metadata the entity belongs to
	parent    *Entity     // resolved ParentEntity, nil at the root
	allFields []*Field    // own, then inherited, deduplicated by name
	allRels   []*Relation // same for relations
	fieldIdx  nameIndex   // over allFields
	relIdx    nameIndex   // over allRels

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
	if i := e.fieldIdx.find(name); i >= 0 {
		return e.allFields[i]
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
	if i := e.relIdx.find(name); i >= 0 {
		return e.allRels[i]
	}
	return nil
}

// AllFields returns the own fields followed by the inherited ones, without
// two fields of the same name (case-insensitively; the nearest wins). The
// slice is shared: do not modify it.
func (e *Entity) AllFields() []*Field {
	if e == nil {
		return nil
	}
	e.ensure()
	if e.md == nil {
		return e.Fields
	}
	return e.allFields
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
	return e.allRels
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
