package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/metadata"
)

// field resolves the path f on ent and records it in Info.Fields. Nothing
// is recorded when ent is unknown or f is malformed.
func (r *resolver) field(f *ast.FieldRef, ent *metadata.Entity) {
	if f == nil || ent == nil || len(f.Segments) == 0 {
		return
	}
	for _, s := range f.Segments {
		if s == nil {
			return
		}
	}
	fi := &FieldInfo{Ref: f, Entity: ent, Segments: make([]*metadata.Field, len(f.Segments))}
	r.info.Fields[f] = fi
	owners := []*metadata.Entity{ent}
	for i, seg := range f.Segments {
		fld := lookupField(owners, seg.Name)
		if fld == nil {
			fi.Status, fi.At, fi.Owners = PathUnknownSegment, i, owners
			if i == 0 {
				fi.Status = PathUnknown
			}
			return
		}
		fi.Segments[i] = fld
		r.info.Canonical[seg] = fld.Name
		if i == len(f.Segments)-1 {
			fi.Field = fld
			return
		}
		owners = r.next(fi, i, fld)
		if owners == nil {
			return
		}
	}
}

// next returns the entities the segment after i is looked up in, or nil
// after recording in fi why the path cannot go on.
func (r *resolver) next(fi *FieldInfo, i int, fld *metadata.Field) []*metadata.Entity {
	fi.At = i + 1
	switch fld.Type {
	case metadata.EntityRef:
		var targets []*metadata.Entity
		for _, name := range fld.ReferencedEntities {
			if e := r.md.Entity(name); e != nil {
				targets = append(targets, e)
			}
		}
		if len(targets) == 0 {
			fi.Status = PathOpaque
		}
		return targets
	case metadata.Money, metadata.Duration:
		seg := fi.Ref.Segments[i+1]
		if sub := compoundSub(fld.Type, seg.Name); sub != "" && i+2 == len(fi.Ref.Segments) {
			fi.Status, fi.Sub = PathCompound, sub
			r.info.Canonical[seg] = sub
			return nil
		}
	}
	fi.Status = PathNotReference
	return nil
}

// compoundSub returns the canonical name of the sub-field name of a Money
// or Duration value, or "" when it has none of that name.
func compoundSub(t metadata.FieldType, name string) string {
	for _, s := range compoundSubs(t) {
		if strings.EqualFold(s, name) {
			return s
		}
	}
	return ""
}

// compoundSubs lists the sub-fields of a compound type (§9 row 13).
func compoundSubs(t metadata.FieldType) []string {
	switch t {
	case metadata.Money:
		return []string{"value", "currency"}
	case metadata.Duration:
		return []string{"value", "unit"}
	}
	return nil
}

// lookupField returns the first field named name of owners.
func lookupField(owners []*metadata.Entity, name string) *metadata.Field {
	for _, e := range owners {
		if f := e.Field(name); f != nil {
			return f
		}
	}
	return nil
}
