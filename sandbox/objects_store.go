package sandbox

import (
	"fmt"
	"strings"
	"time"

	"github.com/czql/czql/metadata"
)

// getObject renders one entity: the fields asked for, or all its values
// when none are, with reference values as {"id": …} objects as queries
// render them.
func (s *store) getObject(id string, fields []string) (any, error) {
	rec := s.get(id)
	if rec == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
	}
	if len(fields) == 0 {
		o := obj{{"id", rec.row.ID()}}
		for _, k := range sortedKeys(rec.row) {
			if k != "id" {
				o = append(o, kv{k, viewValue(rec.ent.Field(k), rec.row[k])})
			}
		}
		return o, nil
	}
	proj, err := s.projection(rec.ent, fields)
	if err != nil {
		return nil, err
	}
	return proj(rec), nil
}

// viewValue renders a stored value of f as a query renders it.
func viewValue(f *metadata.Field, v any) any {
	if f != nil && f.Type == metadata.EntityRef && v != nil {
		return obj{{"id", v}}
	}
	return v
}

// decodeFields reads an object body, checks its field names and converts
// its values to the fields' types (see writeValue); "id" and "_type" are
// ignored. Callers hold the lock.
func (s *store) decodeFields(ent *metadata.Entity, body []byte) (Row, error) {
	var in map[string]any
	if err := decodeNumbers(body, &in); err != nil {
		return nil, err
	}
	row := make(Row, len(in))
	for _, k := range sortedKeys(in) {
		if strings.EqualFold(k, "id") || k == "_type" {
			continue
		}
		f := ent.Field(k)
		if f == nil {
			return nil, errorf(codeInvalidField, "Invalid field name %s on entity %s", k, ent.TypeName)
		}
		v, err := s.writeValue(ent, f, in[k])
		if err != nil {
			return nil, err
		}
		row[f.Name] = v
	}
	return row, nil
}

// createObject creates an entity of ent from body, with the local id
// given or a new one, its EntityType and its audit fields.
func (s *store) createObject(ent *metadata.Entity, id string, body []byte, by string, now time.Time) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	row, err := s.decodeFields(ent, body)
	if err != nil {
		return nil, err
	}
	if row["id"], err = s.newID(ent, id); err != nil {
		return nil, err
	}
	if ent.Field("EntityType") != nil {
		row["EntityType"] = "/EntityType/" + ent.TypeName
	}
	stamp(ent, row, by, now, "CreatedBy", "CreatedOn")
	stamp(ent, row, by, now, "LastUpdatedBy", "LastUpdatedOn")
	if err := s.insert(ent, row); err != nil {
		return nil, err
	}
	return obj{{"id", row["id"]}}, nil
}

// newID returns the full id of a new entity of ent: /Type/id when id is
// given (DuplicateKey when taken), else the next /Type/newN.
func (s *store) newID(ent *metadata.Entity, id string) (string, error) {
	if strings.Contains(id, "/") {
		return "", errorf(codeInvalidArgument, "invalid id %q for a new %s", id, ent.TypeName)
	}
	if id != "" {
		full := "/" + ent.TypeName + "/" + id
		if s.get(full) != nil {
			return "", errorf(codeDuplicateKey, "Entity %s already exists", full)
		}
		return full, nil
	}
	for {
		s.seq++
		full := fmt.Sprintf("/%s/new%d", ent.TypeName, s.seq)
		if s.get(full) == nil {
			return full, nil
		}
	}
}

// updateObject sets the fields of body on the entity id; the fields it
// does not name are kept.
func (s *store) updateObject(id string, body []byte, by string, now time.Time) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.get(id)
	if rec == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
	}
	row, err := s.decodeFields(rec.ent, body)
	if err != nil {
		return nil, err
	}
	s.update(rec, row, by, now)
	return obj{}, nil
}

func (s *store) deleteObject(id string) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec := s.get(id)
	if rec == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
	}
	delete(s.byID, strings.ToLower(id))
	recs := s.own[rec.ent]
	for i, r := range recs {
		if r == rec {
			s.own[rec.ent] = append(recs[:i:i], recs[i+1:]...)
			break
		}
	}
	s.dropCache()
	return obj{}, nil
}
