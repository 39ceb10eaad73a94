package sandbox

import (
	"fmt"
	"strings"
	"sync"

	"github.com/czql/czql/metadata"
)

// store is the server's working copy of the dataset: rows with canonical
// field names and reference ids, indexed by id, typed by metadata.
type store struct {
	mu   sync.RWMutex
	md   *metadata.Metadata
	byID map[string]*record             // by lower-case id
	own  map[*metadata.Entity][]*record // rows of exactly that type
	seq  int

	limits storeLimits
	writes writes
	loaded bool // the dataset is in: inserts are creates

	cacheMu sync.Mutex
	cache   map[*metadata.Entity][]*record // rows of a type and its subtypes
	links   map[linkKey]map[string][]*record
}

// record is one row and its entity type.
type record struct {
	row Row
	ent *metadata.Entity
}

func newStore(md *metadata.Metadata, d *Dataset) (*store, error) {
	s := &store{md: md, byID: map[string]*record{}, own: map[*metadata.Entity][]*record{}}
	for _, name := range d.TypeNames() {
		ent := md.Entity(name)
		if ent == nil {
			return nil, fmt.Errorf("sandbox: dataset type %s is not in the metadata", name)
		}
		for _, row := range d.Rows(name) {
			if err := s.insert(ent, canonicalRow(ent, row)); err != nil {
				return nil, err
			}
		}
	}
	s.addPickups()
	s.loaded = true
	return s, nil
}

func (s *store) insert(ent *metadata.Entity, row Row) error {
	key := strings.ToLower(row.ID())
	if _, dup := s.byID[key]; dup {
		return fmt.Errorf("sandbox: duplicate id %q", row.ID())
	}
	if s.loaded {
		if err := s.countCreate(); err != nil {
			return err
		}
	}
	if f := ent.Field("EntityType"); f != nil && row[f.Name] == nil {
		row[f.Name] = "/EntityType/" + ent.TypeName
	}
	rec := &record{row: row, ent: ent}
	s.byID[key] = rec
	s.own[ent] = append(s.own[ent], rec)
	s.dropCache()
	return nil
}

// addPickups adds a row per pick-list value that the dataset lacks, so
// that State.Name and SELECT … FROM State work.
func (s *store) addPickups() {
	for _, ent := range s.md.Entities() {
		for _, p := range ent.Pickups {
			id := "/" + ent.TypeName + "/" + p.Value
			if s.byID[strings.ToLower(id)] != nil {
				continue
			}
			row := Row{"id": id, "Name": p.Value}
			if p.Description != "" {
				row["Description"] = p.Description
			}
			_ = s.insert(ent, row)
		}
	}
}

// canonicalRow copies row with the metadata's spelling of field names and
// with bare reference values turned into ids ("Active" → "/State/Active").
func canonicalRow(ent *metadata.Entity, row Row) Row {
	out := make(Row, len(row))
	for k, v := range row {
		f := ent.Field(k)
		if f == nil {
			out[k] = v
			continue
		}
		out[f.Name] = canonicalValue(f, v)
	}
	if id, ok := row["id"].(string); ok && !strings.HasPrefix(id, "/") {
		out["id"] = "/" + ent.TypeName + "/" + id
	}
	return out
}

func canonicalValue(f *metadata.Field, v any) any {
	if f.Type == metadata.Duration {
		return withDurationType(v)
	}
	s, ok := v.(string)
	if !ok || f.Type != metadata.EntityRef || strings.HasPrefix(s, "/") || len(f.ReferencedEntities) != 1 {
		return v
	}
	return "/" + f.ReferencedEntities[0] + "/" + s
}

// get returns the record of an id, nil when there is none.
func (s *store) get(id string) *record {
	return s.byID[strings.ToLower(id)]
}

// rowsOf returns the records of ent and of its subtypes, in dataset order
// per type; callers hold at least the read lock.
func (s *store) rowsOf(ent *metadata.Entity) []*record {
	s.cacheMu.Lock()
	defer s.cacheMu.Unlock()
	if recs, ok := s.cache[ent]; ok {
		return recs
	}
	var out []*record
	for e, recs := range s.own {
		if e.IsA(ent.TypeName) {
			out = append(out, recs...)
		}
	}
	if len(s.own) > 1 {
		out = stableByType(out)
	}
	if s.cache == nil {
		s.cache = map[*metadata.Entity][]*record{}
	}
	s.cache[ent] = out
	return out
}

// stableByType orders records of several types by type name, keeping the
// dataset order inside a type, so results do not depend on map order.
func stableByType(recs []*record) []*record {
	groups := map[string][]*record{}
	for _, r := range recs {
		groups[r.ent.TypeName] = append(groups[r.ent.TypeName], r)
	}
	out := make([]*record, 0, len(recs))
	for _, name := range sortedKeys(groups) {
		out = append(out, groups[name]...)
	}
	return out
}

// dropCache forgets the per-type row lists after a change.
func (s *store) dropCache() {
	s.cacheMu.Lock()
	s.cache, s.links = nil, nil
	s.cacheMu.Unlock()
}
