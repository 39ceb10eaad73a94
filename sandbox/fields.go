package sandbox

import (
	"strings"

	"github.com/czql/czql/metadata"
)

// segment is one name of a field path: its spelling in the request, its
// canonical name and its field (nil for id).
type segment struct {
	req, name string
	field     *metadata.Field
}

// path is a resolved field path such as Manager.Name.
type path struct {
	segs []segment
	kind kind // of the last field
}

// resolvePath resolves a dotted name against ent; unknown names are
// InvalidField errors.
func (s *store) resolvePath(ent *metadata.Entity, name string) (*path, error) {
	if name == "" {
		return nil, errorf(codeInvalidField, "empty field name on %s", ent.TypeName)
	}
	parts := strings.Split(name, ".")
	p := &path{}
	targets := []*metadata.Entity{ent}
	for i, part := range parts {
		last := i == len(parts)-1
		if strings.EqualFold(part, "id") && last {
			p.segs = append(p.segs, segment{req: part, name: "id"})
			p.kind = kindRef
			return p, nil
		}
		f := fieldOfAny(targets, part)
		if f == nil {
			f = fieldOfAny(s.subtypes(targets), part)
		}
		if f == nil {
			return nil, errorf(codeInvalidField, "Invalid field name %s on entity %s", name, ent.TypeName)
		}
		p.segs = append(p.segs, segment{req: part, name: f.Name, field: f})
		p.kind = kindOf(f)
		if last {
			return p, nil
		}
		if f.Type != metadata.EntityRef {
			return nil, errorf(codeInvalidField, "Invalid field name %s on entity %s: %s is not a reference", name, ent.TypeName, part)
		}
		targets = s.targets(f)
	}
	return p, nil
}

// targets returns the entities a reference field may point at; an empty
// list (an opaque reference) means any entity.
func (s *store) targets(f *metadata.Field) []*metadata.Entity {
	if len(f.ReferencedEntities) == 0 {
		return s.md.Entities()
	}
	var out []*metadata.Entity
	for _, n := range f.ReferencedEntities {
		if e := s.md.Entity(n); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// subtypes returns the entities derived from any of ents (not ents
// themselves), so that a field only a subtype has resolves on its parent
// type: ProjectManager on the WorkItems of a Topic, null on the rows that
// are not projects.
func (s *store) subtypes(ents []*metadata.Entity) []*metadata.Entity {
	var out []*metadata.Entity
	for _, e := range s.md.Entities() {
		for _, t := range ents {
			if e != t && e.IsA(t.TypeName) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

func fieldOfAny(ents []*metadata.Entity, name string) *metadata.Field {
	for _, e := range ents {
		if f := e.Field(name); f != nil {
			return f
		}
	}
	return nil
}

// value returns the value of the path on rec: nil when a field or a
// referenced row is missing.
func (s *store) value(p *path, rec *record) any {
	row := rec.row
	for i, seg := range p.segs {
		v := row[seg.name]
		if i == len(p.segs)-1 || v == nil {
			return v
		}
		id, _ := v.(string)
		next := s.get(id)
		if next == nil {
			return nil
		}
		row = next.row
	}
	return nil
}

// key returns the normalised value of the path on rec.
func (s *store) key(p *path, rec *record) key {
	k, ok := norm(p.kind, s.value(p, rec))
	if !ok {
		return nullKey
	}
	return k
}
