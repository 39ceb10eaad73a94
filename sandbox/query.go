package sandbox

import (
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

// entity returns the entity called name or an InvalidField error.
func (s *store) entity(name string) (*metadata.Entity, error) {
	ent := s.md.Entity(name)
	if ent == nil {
		return nil, errorf(codeInvalidField, "Entity type %s does not exist", name)
	}
	return ent, nil
}

// filter returns the records of ent (and its subtypes) where the
// condition is true.
func (r *run) filter(ent *metadata.Entity, where *api.Condition) ([]*record, error) {
	return r.match(r.rowsOf(ent), ent, where)
}

// match returns the records of recs where the condition is true; it
// spends a step per record and condition node.
func (r *run) match(recs []*record, ent *metadata.Entity, where *api.Condition) ([]*record, error) {
	before := r.nodes
	pred, err := r.compileWhere(ent, where)
	if err != nil {
		return nil, err
	}
	if err := r.spend(times(len(recs), 1+r.nodes-before)); err != nil {
		return nil, err
	}
	var out []*record
	for _, rec := range recs {
		if pred(rec) == triTrue {
			out = append(out, rec)
		}
	}
	return out, nil
}

// result is the body of a query answer.
type result struct {
	Entities []obj       `json:"entities"`
	Paging   *api.Paging `json:"paging,omitempty"`
}

// entityQuery runs an entityQuery.
func (s *run) entityQuery(q *api.EntityQuery) (*result, error) {
	if q.TypeName == "" {
		return nil, errorf(codeMissingArgument, "typeName is required")
	}
	ent, err := s.entity(q.TypeName)
	if err != nil {
		return nil, err
	}
	recs, err := s.filter(ent, q.Where)
	if err != nil {
		return nil, err
	}
	return s.rowsResult(ent, recs, q.Fields, q.Orders, q.Relations, q.Paging)
}

// rowsResult orders, pages and projects records.
func (s *run) rowsResult(ent *metadata.Entity, recs []*record, fields []string, orders []api.OrderBy, rels []api.Relation, paging *api.Paging) (*result, error) {
	proj, err := s.projection(ent, fields)
	if err != nil {
		return nil, err
	}
	if err := s.sortRecords(ent, recs, orders); err != nil {
		return nil, err
	}
	if err := s.checkRelations(ent, rels); err != nil {
		return nil, err
	}
	lo, hi, page := pageOf(len(recs), paging)
	if err := s.spend(times(hi-lo, 1+len(fields)+len(rels))); err != nil {
		return nil, err
	}
	out := make([]obj, 0, hi-lo)
	for _, r := range recs[lo:hi] {
		o := proj(r)
		if err := s.addRelations(&o, r, rels); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return &result{Entities: out, Paging: page}, nil
}

// projection compiles the selected fields into a row renderer.
func (s *store) projection(ent *metadata.Entity, fields []string) (func(*record) obj, error) {
	paths := make([]*path, 0, len(fields))
	for _, f := range fields {
		p, err := s.resolvePath(ent, f)
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return func(r *record) obj {
		o := obj{{"id", r.row.ID()}}
		for _, p := range paths {
			s.project(&o, p.segs, r.row)
		}
		return o
	}, nil
}

// project writes the value of the path segs of row into o: reference
// fields become {"id": …} objects, with their selected sub-fields.
func (s *store) project(o *obj, segs []segment, row Row) {
	seg := segs[0]
	if seg.field == nil { // id
		return
	}
	v := row[seg.name]
	if seg.field.Type != metadata.EntityRef || v == nil {
		if len(segs) == 1 || v == nil {
			o.set(seg.req, v)
		}
		return
	}
	sub, _ := o.get(seg.req)
	ref, ok := sub.(obj)
	if !ok {
		ref = obj{{"id", v}}
	}
	if len(segs) > 1 {
		if next := s.get(text(v)); next != nil {
			s.project(&ref, segs[1:], next.row)
		} else if segs[1].field != nil {
			ref.set(segs[1].req, nil)
		}
	}
	o.set(seg.req, ref)
}

// count runs a countQuery.
func (s *run) count(q *api.EntityQuery) (int, error) {
	if q == nil || q.TypeName == "" {
		return 0, errorf(codeMissingArgument, "query.typeName is required")
	}
	ent, err := s.entity(q.TypeName)
	if err != nil {
		return 0, err
	}
	recs, err := s.filter(ent, q.Where)
	return len(recs), err
}
