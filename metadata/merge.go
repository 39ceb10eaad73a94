package metadata

// Merge combines several metadata sets into a new one; the inputs are not
// modified. An entity present in several sets is merged: its fields,
// relations and pickups are merged by name (value for pickups), later sets
// winning, new ones appended; non-empty attributes of later sets win.
// FetchedAt and Host come from the last set that has them.
func Merge(ms ...*Metadata) *Metadata {
	var all []*Entity
	out := &Metadata{}
	for _, m := range ms {
		if m == nil {
			continue
		}
		for _, e := range m.Entities() {
			all = append(all, copyEntity(e))
		}
		if !m.FetchedAt.IsZero() {
			out.FetchedAt = m.FetchedAt
		}
		if m.Host != "" {
			out.Host = m.Host
		}
	}
	n := New(all...)
	n.FetchedAt, n.Host = out.FetchedAt, out.Host
	return n
}

// copyEntity copies the exported parts of e, with fresh Field, Relation and
// Pickup values.
func copyEntity(e *Entity) *Entity {
	c := &Entity{
		TypeName: e.TypeName, Label: e.Label, LabelPlural: e.LabelPlural,
		ParentEntity: e.ParentEntity, DisplayField: e.DisplayField,
		Disabled: e.Disabled, ValidStates: e.ValidStates,
	}
	if len(e.Fields) > 0 {
		c.Fields = make([]*Field, len(e.Fields))
		for i, f := range e.Fields {
			cf := *f
			cf.Owner = nil
			c.Fields[i] = &cf
		}
	}
	if len(e.Relations) > 0 {
		c.Relations = make([]*Relation, len(e.Relations))
		for i, r := range e.Relations {
			cr := *r
			c.Relations[i] = &cr
		}
	}
	if len(e.Pickups) > 0 {
		c.Pickups = make([]*Pickup, len(e.Pickups))
		for i, p := range e.Pickups {
			cp := *p
			c.Pickups[i] = &cp
		}
	}
	return c
}

// mergeEntity merges src into dst (same TypeName): src wins, except for
// the spelling of TypeName, which stays dst's.
func mergeEntity(dst, src *Entity) {
	setIf(&dst.Label, src.Label)
	setIf(&dst.LabelPlural, src.LabelPlural)
	setIf(&dst.ParentEntity, src.ParentEntity)
	setIf(&dst.DisplayField, src.DisplayField)
	dst.Disabled = dst.Disabled || src.Disabled
	if src.ValidStates != nil {
		dst.ValidStates = src.ValidStates
	}
	dst.Fields = mergeBy(dst.Fields, src.Fields, fieldName)
	dst.Relations = mergeBy(dst.Relations, src.Relations, relationName)
	dst.Pickups = mergeBy(dst.Pickups, src.Pickups, func(p *Pickup) string { return p.Value })
}

// setIf sets *dst to v unless v is empty.
func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// mergeBy replaces the items of dst whose name (case-insensitively) matches
// one of src, in place, and appends the others.
func mergeBy[T any](dst, src []T, name func(T) string) []T {
	if len(src) == 0 {
		return dst
	}
	ix := emptyIndex(len(dst) + len(src))
	pos := make([]int, 0, len(dst)+len(src)) // index position → dst position
	for j, it := range dst {
		if ix.findOrAdd(name(it)) < 0 {
			pos = append(pos, j)
		}
	}
	for _, it := range src {
		if i := ix.findOrAdd(name(it)); i >= 0 {
			dst[pos[i]] = it
			continue
		}
		pos = append(pos, len(dst))
		dst = append(dst, it)
	}
	return dst
}
