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
func (s *store) related(l *link, owner *record, fromLink bool) []*record {
	id := strings.ToLower(owner.row.ID())
	var out []*record
	for _, r := range s.rowsOf(l.linkE) {
		v, _ := r.row[l.source.Name].(string)
		if strings.ToLower(v) != id {
			continue
		}
		if fromLink || l.target == nil {
			out = append(out, r)
			continue
		}
		t, _ := r.row[l.target.Name].(string)
		if rec := s.get(t); rec != nil {
			out = append(out, rec)
		}
	}
	return out
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
func (s *store) addRelations(o *obj, owner *record, rels []api.Relation) error {
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
func (s *store) relationRows(l *link, owner *record, fields []string, where *api.Condition, orders []api.OrderBy, rels []api.Relation, fromLink bool, paging *api.Paging, all bool) (*result, error) {
	ent := l.resultEntity(fromLink)
	match, err := s.compileWhere(ent, where)
	if err != nil {
		return nil, err
	}
	var recs []*record
	for _, r := range s.related(l, owner, fromLink) {
		if match(r) == triTrue {
			recs = append(recs, r)
		}
	}
	if all {
		n := max(len(recs), 1)
		paging = &api.Paging{Limit: &n}
	}
	return s.rowsResult(ent, recs, fields, orders, rels, paging)
}

// relationQuery runs a relationQuery.
func (s *store) relationQuery(q *api.RelationQuery) (*result, error) {
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
