package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/metadata"
)

// Info is the resolver's side table, in the manner of go/types.Info: what
// each name of a query resolved to. The syntax tree is never changed.
type Info struct {
	// Entities maps each query and sub-query to the entity it reads: the
	// FROM entity, or for a relation sub-select the related entity. An
	// unknown entity has no entry.
	Entities map[*ast.Query]*metadata.Entity
	// Relations maps each relation sub-select to its relation.
	Relations map[*ast.RelationQuery]*metadata.Relation
	// Fields maps each field reference of a query whose entity is known to
	// its resolution, successful or not.
	Fields map[*ast.FieldRef]*FieldInfo
	// Aliases maps the lower-case alias of each aggregate to it.
	Aliases map[string]*ast.AggregateExpr
	// Canonical holds the canonical spelling of every resolved name:
	// entities, relations and field path segments.
	Canonical map[*ast.Ident]string
}

// PathStatus says how far the resolution of a field path went.
type PathStatus int

// The path statuses.
const (
	// PathOK: every segment resolved; FieldInfo.Field is the final field.
	PathOK PathStatus = iota
	// PathUnknown: the first segment is not a field of the entity.
	PathUnknown
	// PathNotReference: a segment follows a field that is not a reference.
	PathNotReference
	// PathUnknownSegment: a later segment is not a field of any entity the
	// previous reference field points to.
	PathUnknownSegment
	// PathOpaque: the path goes through a reference field whose targets are
	// unknown (empty referencedEntities), so the rest cannot be checked.
	PathOpaque
	// PathCompound: the path ends in a sub-field of a Money value (value,
	// currency) or a Duration value (value, unit); FieldInfo.Sub names it.
	PathCompound
)

// FieldInfo is the resolution of one field reference.
type FieldInfo struct {
	// Ref is the reference resolved.
	Ref *ast.FieldRef
	// Entity is the entity the path starts from.
	Entity *metadata.Entity
	// Segments holds the field of each segment; entries from the first
	// unresolved segment on are nil.
	Segments []*metadata.Field
	// Field is the final field when Status is PathOK.
	Field *metadata.Field
	// Alias is set instead of Field when the reference names an aggregate
	// alias (in ORDER BY).
	Alias *ast.AggregateExpr
	// Status says how far resolution went; At is the index of the segment
	// it stopped at when Status is not PathOK.
	Status PathStatus
	At     int
	// Owners are the entities segment At was looked up in (the union of a
	// multi-target reference's targets), for suggestions.
	Owners []*metadata.Entity
	// Sub is the canonical compound sub-field name when Status is
	// PathCompound.
	Sub string
}

// Last returns the last resolved field of the path, which is Field when the
// whole path resolved, or nil.
func (fi *FieldInfo) Last() *metadata.Field {
	if fi == nil {
		return nil
	}
	for i := len(fi.Segments) - 1; i >= 0; i-- {
		if fi.Segments[i] != nil {
			return fi.Segments[i]
		}
	}
	return nil
}

// Canon returns the canonical spelling of id, or its name as written when
// it did not resolve.
func (info *Info) Canon(id *ast.Ident) string {
	if id == nil {
		return ""
	}
	if info != nil {
		if c, ok := info.Canonical[id]; ok {
			return c
		}
	}
	return id.Name
}

// CanonPath returns the dotted path of ref with canonical spellings, in
// time linear in its length.
func (info *Info) CanonPath(ref *ast.FieldRef) string {
	if ref == nil {
		return ""
	}
	if len(ref.Segments) == 1 {
		return info.Canon(ref.Segments[0])
	}
	var b strings.Builder
	for i, seg := range ref.Segments {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(info.Canon(seg))
	}
	return b.String()
}
