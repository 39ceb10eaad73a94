package sandbox

import (
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// link is a relation resolved to its link entity: the link rows whose
// source field holds the owner's id; the related rows are the values of
// the target field, or the link rows themselves when target is nil.
type link struct {
	rel    *metadata.Relation
	linkE  *metadata.Entity
	relE   *metadata.Entity
	source *metadata.Field
	target *metadata.Field
}

// resolveRelation finds relation name of ent and its link fields.
func (s *store) resolveRelation(ent *metadata.Entity, name string) (*link, error) {
	rel := ent.Relation(name)
	if rel == nil {
		return nil, errorf(codeInvalidField, "Invalid relation name %s on entity %s", name, ent.TypeName)
	}
	l := &link{rel: rel, linkE: s.md.Entity(rel.LinkTypeName), relE: s.md.Entity(rel.RelatedTypeName)}
	if l.linkE == nil || l.relE == nil {
		return nil, errorf(codeInvalidField, "relation %s has no link entity", name)
	}
	if l.source = l.linkE.Field(rel.SourceFieldName); l.source == nil {
		return nil, errorf(codeInvalidField, "relation %s has no source field", name)
	}
	if !strings.EqualFold(rel.LinkTypeName, rel.RelatedTypeName) {
		l.target = targetField(l.linkE, l.relE, l.source)
	}
	return l, nil
}

// targetField picks the link's reference to the related entity: the first
// non-system Entity field, other than the source, that can point at it.
func targetField(linkE, relE *metadata.Entity, source *metadata.Field) *metadata.Field {
	for _, f := range linkE.AllFields() {
		if f == source || f.Type != metadata.EntityRef || f.System || isAudit(f.Name) {
			continue
		}
		for _, t := range f.ReferencedEntities {
			if relE.IsA(t) || strings.EqualFold(t, relE.TypeName) {
				return f
			}
		}
	}
	return nil
}

func isAudit(name string) bool {
	switch name {
	case "CreatedBy", "LastUpdatedBy", "EntityType", "RelatedLink":
		return true
	}
	return false
}

// related returns the related records of owner (link rows when fromLink).
func (s *run) related(l *link, owner *record, fromLink bool) ([]*record, error) {
	id := strings.ToLower(owner.row.ID())
	links, err := s.linksTo(l.linkE, l.source.Name)
	if err != nil {
		return nil, err
	}
	if err := s.spend(1 + len(links[id])); err != nil {
		return nil, err
	}
	var out []*record
	for _, r := range links[id] {
		if v, _ := r.row[l.source.Name].(string); strings.ToLower(v) != id {
			continue // changed since the index was built
		}
		if fromLink || l.target == nil {
			out = append(out, r)
			continue
		}
		t, _ := r.row[l.target.Name].(string)
		if rec := s.get(t); rec != nil && rec.ent.IsA(l.relE.TypeName) {
			out = append(out, rec) // a link entity may point at several types
		}
	}
	return out, nil
}

// resultEntity is the entity whose fields a relation's rows have.
func (l *link) resultEntity(fromLink bool) *metadata.Entity {
	if fromLink || l.target == nil {
		return l.linkE
	}
	return l.relE
}

// checkRelations validates the relations of a query before any row is
// rendered.
func (s *store) checkRelations(ent *metadata.Entity, rels []api.Relation) error {
	for _, r := range rels {
		if _, err := s.resolveRelation(ent, r.Name); err != nil {
			return err
		}
	}
	return nil
}

// addRelations adds "Name": {"entities": [...]} to o for each relation
// with related rows; the key is absent when there are none.
func (s *run) addRelations(o *obj, owner *record, rels []api.Relation) error {
	for _, r := range rels {
		l, err := s.resolveRelation(owner.ent, r.Name)
		if err != nil {
			return err
		}
		res, err := s.relationRows(l, owner, r.Fields, r.Where, r.Orders, r.Relations, r.FromLink, nil, true)
		if err != nil {
			return err
		}
		if len(res.Entities) > 0 {
			o.set(r.Name, obj{{"entities", res.Entities}})
		}
	}
	return nil
}

// relationRows filters, orders, pages and projects the related rows.
// Nested relations (all rows) ignore paging.
func (s *run) relationRows(l *link, owner *record, fields []string, where *api.Condition, orders []api.OrderBy, rels []api.Relation, fromLink bool, paging *api.Paging, all bool) (*result, error) {
	ent := l.resultEntity(fromLink)
	rel, err := s.related(l, owner, fromLink)
	if err != nil {
		return nil, err
	}
	recs, err := s.match(rel, ent, where)
	if err != nil {
		return nil, err
	}
	if all {
		n := max(len(recs), 1)
		paging = &api.Paging{Limit: &n}
	}
	return s.rowsResult(ent, recs, fields, orders, rels, paging)
}

// relationQuery runs a relationQuery.
func (s *run) relationQuery(q *api.RelationQuery) (*result, error) {
	if q.EntityID == "" || q.RelationName == "" {
		return nil, errorf(codeMissingArgument, "entityId and relationName are required")
	}
	owner := s.get(q.EntityID)
	if owner == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", q.EntityID)
	}
	l, err := s.resolveRelation(owner.ent, q.RelationName)
	if err != nil {
		return nil, err
	}
	return s.relationRows(l, owner, q.Fields, q.Where, q.Orders, q.Relations, q.FromLink, q.Paging, false)
}

// linkKey names an index of link rows: the link entity and the field
// holding the owner's id.
type linkKey struct {
	ent   *metadata.Entity
	field string
}

// linksTo returns the rows of linkE by the lower-case id in their field
// source, built once per change of the store (the build is a step per
// link row).
func (s *run) linksTo(linkE *metadata.Entity, source string) (map[string][]*record, error) {
	k := linkKey{linkE, source}
	s.cacheMu.Lock()
	idx, ok := s.links[k]
	s.cacheMu.Unlock()
	if ok {
		return idx, nil
	}
	recs := s.rowsOf(linkE)
	if err := s.spend(len(recs)); err != nil {
		return nil, err
	}
	idx = map[string][]*record{}
	for _, r := range recs {
		if v, _ := r.row[source].(string); v != "" {
			id := strings.ToLower(v)
			idx[id] = append(idx[id], r)
		}
	}
	s.cacheMu.Lock()
	if s.links == nil {
		s.links = map[linkKey]map[string][]*record{}
	}
	s.links[k] = idx
	s.cacheMu.Unlock()
	return idx, nil
}
