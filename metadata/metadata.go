package metadata

import (
	"sort"
	"time"
)

// Metadata is a set of entity descriptions with a case-insensitive index.
// Build one with New, Decode, Load, Merge or ReadCache; it is read-only
// afterwards and safe for concurrent use.
type Metadata struct {
	// FetchedAt is when the metadata was fetched from the API (zero when
	// unknown); it is kept by the cache, in UTC.
	FetchedAt time.Time
	// Host is the API host the metadata came from ("" when unknown); it is
	// kept by the cache.
	Host string

	entities   []*Entity // sorted by TypeName
	duplicates []string  // see Duplicates; set by decoding JSON
	index      nameIndex // over entities' TypeNames

	// cache holds the cache a set was read from, minus its checksum; the
	// entities' bodies are decoded from it on first access. It is "" for
	// sets built by New.
	cache string
}

// New builds a Metadata over entities, which it takes over: it sets each
// field's Owner, resolves ParentEntity and indexes the fields and relations
// of each entity, inherited ones included. Entities of the same TypeName
// (case-insensitively) are merged, the later one winning field by field. A
// cycle of ParentEntity links is cut where it closes.
func New(entities ...*Entity) *Metadata {
	m := &Metadata{entities: dedupe(entities)}
	sort.SliceStable(m.entities, func(i, j int) bool {
		return m.entities[i].TypeName < m.entities[j].TypeName
	})
	m.index = newNameIndex(m.typeNames())
	m.link()
	return m
}

// dedupe drops nil entities and merges those of the same name into the
// first one.
func dedupe(entities []*Entity) []*Entity {
	out := make([]*Entity, 0, len(entities))
	ix := emptyIndex(len(entities))
	for _, e := range entities {
		if e == nil {
			continue
		}
		if i := ix.findOrAdd(e.TypeName); i >= 0 {
			mergeEntity(out[i], e)
			continue
		}
		out = append(out, e)
	}
	return out
}

// typeNames lists the TypeNames of m's entities, in order.
func (m *Metadata) typeNames() []string {
	names := make([]string, len(m.entities))
	for i, e := range m.entities {
		names[i] = e.TypeName
	}
	return names
}

// link resolves parents, cuts cycles and builds the per-entity indexes,
// parents first.
func (m *Metadata) link() {
	m.resolveParents()
	byDepth := make([][]*Entity, 0, 2)
	for _, e := range m.entities {
		for len(byDepth) < e.depth {
			byDepth = append(byDepth, nil)
		}
		byDepth[e.depth-1] = append(byDepth[e.depth-1], e)
	}
	for _, level := range byDepth {
		for _, e := range level {
			indexOne(e)
		}
	}
}

// resolveParents sets each entity's md, parent and depth, and cuts cycles.
func (m *Metadata) resolveParents() {
	for _, e := range m.entities {
		e.md = m
		e.parent = nil
		e.depth = 0
		if e.ParentEntity != "" {
			if p := m.lookup(e.ParentEntity); p != e {
				e.parent = p
			}
		}
	}
	m.cutCycles()
	var path []*Entity
	for _, e := range m.entities {
		path = path[:0]
		a := e
		for ; a != nil && a.depth == 0; a = a.parent {
			path = append(path, a)
		}
		d := 0
		if a != nil {
			d = a.depth
		}
		for i := len(path) - 1; i >= 0; i-- {
			d++
			path[i].depth = d
		}
	}
}

// cutCycles sets parent to nil on the entity that closes a cycle.
func (m *Metadata) cutCycles() {
	state := make(map[*Entity]int8, len(m.entities)) // 1 on the walk, 2 done
	for _, e := range m.entities {
		var path []*Entity
		for a := e; a != nil && state[a] == 0; a = a.parent {
			state[a] = 1
			path = append(path, a)
			if a.parent != nil && state[a.parent] == 1 {
				a.parent = nil
			}
		}
		for _, a := range path {
			state[a] = 2
		}
	}
}

// indexOne builds e's block indexes of fields and relations (see Entity);
// those of the ancestors it covers must be built.
//
// The block of an entity at depth d (1 at the root) covers it and its
// lowbit(d)-1 nearest ancestors, lowbit(d) being the largest power of two
// that divides d; skip is the ancestor after them. Following skip from any
// entity goes through the blocks of its chain in order, each ancestor in
// exactly one, in at most log2(d)+1 steps, as in a Fenwick tree; and the
// blocks of all the entities hold O(n log n) entries for a chain of n
// entities, where copying each parent's combined index took O(n²).
func indexOne(e *Entity) {
	hashes := e.nameHashes
	if len(hashes) != len(e.Fields) {
		hashes = make([]uint32, len(e.Fields))
		for i, f := range e.Fields {
			hashes[i] = foldHash(f.Name)
		}
	}
	e.nameHashes = nil
	for _, f := range e.Fields {
		f.Owner = e
	}
	span := e.depth & -e.depth
	covered := make([]*Entity, 0, span-1)
	a := e.parent
	for ; a != nil && len(covered) < span-1; a = a.parent {
		covered = append(covered, a)
	}
	e.skip = a
	e.blockFields, e.fieldIdx, e.ownFields = block(e.Fields, hashes, fieldName, covered,
		func(a *Entity) ([]*Field, *nameIndex, int) { return a.blockFields, &a.fieldIdx, a.ownFields })
	e.blockRels, e.relIdx, e.ownRels = block(e.Relations, nil, relationName, covered,
		func(a *Entity) ([]*Relation, *nameIndex, int) { return a.blockRels, &a.relIdx, a.ownRels })
	e.all = &entityAll{}
}

func fieldName(f *Field) string       { return f.Name }
func relationName(r *Relation) string { return r.Name }

// block concatenates own items and the own items of the covered ancestors
// (the first n of each one's block, got from part), nearest first,
// dropping items whose name repeats an earlier one, and indexes the result
// by name; it also returns the number of own items kept. The fold hashes of
// own names are taken from hashes when it is not nil; those of the
// ancestors' names are reused from their indexes.
func block[T any](own []T, hashes []uint32, name func(T) string, covered []*Entity,
	part func(*Entity) (items []T, ix *nameIndex, n int)) ([]T, nameIndex, int) {
	size := len(own)
	for _, a := range covered {
		_, _, n := part(a)
		size += n
	}
	all := make([]T, 0, size)
	ix := emptyIndex(size)
	for i, it := range own {
		nm := name(it)
		var h uint32
		if hashes != nil {
			h = hashes[i]
		} else {
			h = foldHash(nm)
		}
		if ix.add(nm, h) {
			all = append(all, it)
		}
	}
	ownN := len(all)
	for _, a := range covered {
		items, aix, n := part(a)
		for i := range n {
			if ix.add(aix.names[i], aix.hashes[i]) {
				all = append(all, items[i])
			}
		}
	}
	return all, ix, ownN
}

// Entity returns the entity called name, compared case-insensitively; its
// TypeName has the canonical spelling. It returns nil if there is none.
func (m *Metadata) Entity(name string) *Entity {
	if m == nil {
		return nil
	}
	e := m.lookup(name)
	e.ensure()
	return e
}

// lookup returns the entity called name, or nil, without materialising it.
func (m *Metadata) lookup(name string) *Entity {
	if i := m.index.find(name); i >= 0 {
		return m.entities[i]
	}
	return nil
}

// Entities returns the entities sorted by TypeName. The slice is shared:
// do not modify it. For a set read from a cache this decodes every entity
// not decoded yet (use EntityNames when the names are enough).
func (m *Metadata) Entities() []*Entity {
	if m == nil {
		return nil
	}
	m.ensureAll()
	return m.entities
}

// EntityNames returns the canonical TypeNames, sorted. It decodes nothing.
func (m *Metadata) EntityNames() []string {
	if m == nil {
		return nil
	}
	return m.typeNames()
}

// Subtypes returns the entities whose parent chain includes name (not the
// entity called name itself), sorted by TypeName. It decodes only the
// entities it returns, and looks at each entity once, however long the
// chains.
func (m *Metadata) Subtypes(name string) []*Entity {
	if m == nil {
		return nil
	}
	isA := make(map[*Entity]bool, len(m.entities)) // the answers known
	var path []*Entity
	var out []*Entity
	for _, e := range m.entities {
		if e.parent == nil {
			continue
		}
		path = path[:0]
		yes := false
		for a := e.parent; a != nil; a = a.parent {
			if known, ok := isA[a]; ok {
				yes = known
				break
			}
			path = append(path, a)
			if equalFold(a.TypeName, name) {
				yes = true
				break
			}
		}
		for _, a := range path {
			isA[a] = yes
		}
		if yes {
			e.ensure()
			out = append(out, e)
		}
	}
	return out
}
