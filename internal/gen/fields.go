package gen

import (
	"strings"

	"github.com/czql/czql/metadata"
)

// handleType returns the Go type of the handle of f, a field of e.
func (g *generator) handleType(e *metadata.Entity, f *metadata.Field) string {
	base := ""
	if f.Filterable || isEntityType(f) {
		base = g.filterType(e, f)
	}
	switch {
	case base == "" && f.Sortable:
		return "czql.SortableField"
	case base == "":
		return "czql.Field"
	case f.Sortable:
		return "czql.Sortable" + base
	}
	return "czql." + base
}

// isEntityType reports whether f is EntityType, which the metadata marks
// not filterable although conditions on it work (see the not-filterable
// rule of package validate).
func isEntityType(f *metadata.Field) bool { return strings.EqualFold(f.Name, "EntityType") }

// filterType returns the handle type of a filterable field without its
// package and Sortable prefix, or "" for a type no condition applies to.
func (g *generator) filterType(e *metadata.Entity, f *metadata.Field) string {
	switch f.Type {
	case metadata.String:
		return "StringField"
	case metadata.Integer:
		return "NumberField[int]"
	case metadata.Long:
		return "NumberField[int64]"
	case metadata.Double:
		return "NumberField[float64]"
	case metadata.Boolean:
		return "BoolField"
	case metadata.DateTime:
		return "TimeField"
	case metadata.Date:
		return "DateField"
	case metadata.Duration:
		return "DurationField"
	case metadata.Money:
		return "MoneyField"
	case metadata.MultiPickList:
		return "MultiPickListField"
	case metadata.EntityRef:
		if g.isPickList(e, f) {
			return "PickListField[" + g.pickType(e, f) + "]"
		}
		return "RefField[" + g.refTarget(f) + "]"
	}
	return ""
}

// refTarget returns the fields type of the one entity f references when
// it is generated, else struct{}.
func (g *generator) refTarget(f *metadata.Field) string {
	if len(f.ReferencedEntities) == 1 {
		if t := g.entities[strings.ToLower(f.ReferencedEntities[0])]; t != nil {
			return t.typ
		}
	}
	return "struct{}"
}
