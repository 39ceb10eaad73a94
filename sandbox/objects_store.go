package sandbox

import (
	"fmt"
	"strings"

	"github.com/czql/czql/metadata"
)

func (s *store) getObject(id string, fields []string) (any, error) {
	rec := s.get(id)
	if rec == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
	}
	if len(fields) == 0 {
		o := obj{{"id", rec.row.ID()}}
		for _, k := range sortedKeys(rec.row) {
			if k != "id" {
				o = append(o, kv{k, rec.row[k]})
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

// decodeFields reads an object body and checks its field names.
func (s *store) decodeFields(ent *metadata.Entity, body []byte) (Row, error) {
	var in map[string]any
	if err := decodeNumbers(body, &in); err != nil {
		return nil, err
	}
	for k := range in {
		if k != "id" && ent.Field(k) == nil {
			return nil, errorf(codeInvalidField, "Invalid field name %s on entity %s", k, ent.TypeName)
		}
	}
	delete(in, "id")
	return canonicalRow(ent, in), nil
}

func (s *store) createObject(ent *metadata.Entity, body []byte) (any, error) {
	row, err := s.decodeFields(ent, body)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		s.seq++
		id := fmt.Sprintf("/%s/new%d", ent.TypeName, s.seq)
		if s.get(id) == nil {
			row["id"] = id
			break
		}
	}
	if err := s.insert(ent, row); err != nil {
		return nil, err
	}
	return obj{{"id", row["id"]}}, nil
}

func (s *store) updateObject(id string, body []byte) (any, error) {
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
	next := make(Row, len(rec.row)+len(row))
	for k, v := range rec.row {
		next[k] = v
	}
	for k, v := range row {
		next[k] = v
	}
	rec.row = next
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
