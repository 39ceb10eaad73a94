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

	entities []*Entity // sorted by TypeName
	index    nameIndex // over entities' TypeNames

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

// link resolves parents, cuts cycles and builds the per-entity indexes.
func (m *Metadata) link() {
	m.resolveParents()
	done := make(map[*Entity]bool, len(m.entities))
	for _, e := range m.entities {
		indexEntity(e, done)
	}
}

// resolveParents sets each entity's md and parent and cuts cycles.
func (m *Metadata) resolveParents() {
	for _, e := range m.entities {
		e.md = m
		e.parent = nil
		if e.ParentEntity != "" {
			if p := m.lookup(e.ParentEntity); p != e {
				e.parent = p
			}
		}
	}
	m.cutCycles()
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

// indexEntity builds e's combined field and relation indexes after those of
// its parent.
func indexEntity(e *Entity, done map[*Entity]bool) {
	if done[e] {
		return
	}
	done[e] = true
	if e.parent != nil {
		indexEntity(e.parent, done)
	}
	indexOne(e)
}

// indexOne builds e's combined field and relation indexes; its parent's
// must be built.
func indexOne(e *Entity) {
	p := e.parent
	if p == nil {
		p = &Entity{}
	}
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
	e.allFields, e.fieldIdx = combine(e.Fields, hashes, p.allFields, &p.fieldIdx, fieldName)
	e.allRels, e.relIdx = combine(e.Relations, nil, p.allRels, &p.relIdx, relationName)
}

func fieldName(f *Field) string       { return f.Name }
func relationName(r *Relation) string { return r.Name }

// combine concatenates own and inherited items (indexed by pix), dropping
// items whose name repeats an earlier one, and indexes the result by name.
// The fold hashes of own names are taken from hashes when it is not nil;
// those of inherited names are reused from pix.
func combine[T any](own []T, hashes []uint32, inherited []T, pix *nameIndex, name func(T) string) ([]T, nameIndex) {
	n := len(own) + len(inherited)
	all := make([]T, 0, n)
	ix := emptyIndex(n)
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
	for i, it := range inherited {
		if ix.add(pix.names[i], pix.hashes[i]) {
			all = append(all, it)
		}
	}
	return all, ix
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
// entities it returns.
func (m *Metadata) Subtypes(name string) []*Entity {
	if m == nil {
		return nil
	}
	var out []*Entity
	for _, e := range m.entities {
		if e.parent != nil && e.parent.IsA(name) {
			e.ensure()
			out = append(out, e)
		}
	}
	return out
}
