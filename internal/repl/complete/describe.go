package complete

import (
	"strings"

	"github.com/czql/czql/metadata"
)

// Descriptions of the non-metadata items.
const (
	descKeyword   = "keyword"
	descOperator  = "operator"
	descAggregate = "aggregate"
	descSubSelect = "relation sub-select"
)

// fieldDescription describes a field as "<type> · <label>": "DateTime ·
// Due Date", "→ User · Manager" for a reference, "→ User|ContactPerson ·
// Sponsor" for one with several targets, "pick list · State" for a field
// presented as a pick list. It reads only the field, never the entities it
// references, so that it decodes nothing of a lazily loaded cache.
func fieldDescription(f *metadata.Field) string {
	var kind string
	switch {
	case f.Type == metadata.EntityRef && f.PresentationType == "PickList":
		kind = "pick list"
	case f.Type == metadata.EntityRef && len(f.ReferencedEntities) > 0:
		kind = "→ " + strings.Join(f.ReferencedEntities, "|")
	default:
		kind = string(f.Type)
	}
	return joinDescription(kind, f.Label)
}

// relationDescription describes a relation as "→ <target> · <label>".
func relationDescription(r *metadata.Relation) string {
	return joinDescription("→ "+r.RelatedTypeName, r.Label)
}

// descEntity describes every entity item. It is not the entity's label:
// reading a label decodes the entity on a lazily loaded cache, and decoding
// the whole directory to describe the FROM list costs tens of milliseconds
// on a 1,000-entity set.
const descEntity = "entity"

// valueDescription describes a value of the field named by path.
func valueDescription(path []string) string {
	if len(path) == 0 {
		return "value"
	}
	return "value of " + strings.Join(path, ".")
}

// joinDescription joins a kind and a label with " · ", leaving out an
// empty part.
func joinDescription(kind, label string) string {
	switch {
	case label == "":
		return kind
	case kind == "":
		return label
	}
	return kind + " · " + label
}
