package metadata

import "encoding/json"

// The least number of bytes a field, relation and pickup take in a body
// block: one per varint, four for the name hash.
const (
	minFieldBytes    = 15
	minRelationBytes = 7
	minPickupBytes   = 3
)

// block reads one body block into e: the string table, then the body.
// When check is set nothing is allocated and e only receives scratch
// values: the pass only validates the structure, with the same code that
// decodes, so that a block that passes the check decodes without error.
func (r *cacheReader) block(e *Entity, check bool) {
	r.table(check)
	e.Label, e.LabelPlural, e.DisplayField = r.str(), r.str(), r.str()
	e.Disabled = r.uvarint()&1 != 0
	e.ValidStates = r.list()
	e.Fields, e.nameHashes = r.fields()
	e.Relations = r.relations()
	e.Pickups = r.pickups()
	if r.err == nil && r.off != len(r.s) {
		r.fail("trailing bytes in block")
	}
}

// table reads the block's string table: a count, then length-prefixed
// strings, which are sliced from the cache without copying. When check is
// set only the count is kept.
func (r *cacheReader) table(check bool) {
	r.nstr = r.count()
	r.strs = nil
	if !check {
		r.strs = make([]string, r.nstr+1)
	}
	for i := 1; i <= r.nstr && r.err == nil; i++ {
		s := r.take(r.count())
		if !check {
			r.strs[i] = s
		}
	}
}

// str reads a string-table reference (0 is "").
func (r *cacheReader) str() string {
	var i uint64
	if o := r.off; o < len(r.s) && r.s[o] < 0x80 { // uvarint, inlined
		i, r.off = uint64(r.s[o]), o+1
	} else {
		i = r.uvarintSlow()
	}
	if i > uint64(r.nstr) {
		r.fail("string index out of range")
		return ""
	}
	if r.strs == nil {
		return ""
	}
	return r.strs[i]
}

// list reads a count and string references; empty lists are nil, and so
// are all lists when checking.
func (r *cacheReader) list() []string {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	var l []string
	if r.strs != nil {
		l = make([]string, n)
	}
	for i := range n {
		s := r.str()
		if l != nil {
			l[i] = s
		}
	}
	return l
}

// intv reads a small signed integer.
func (r *cacheReader) intv() int {
	v := r.varint()
	if v < -1<<31 || v > 1<<31-1 {
		r.fail("integer out of range")
		return 0
	}
	return int(v)
}

// fields reads the fields of a block and the fold hashes of their names,
// cut from slabs; when checking it reads them into a scratch field.
func (r *cacheReader) fields() ([]*Field, []uint32) {
	n := r.countMin(minFieldBytes)
	if r.strs == nil {
		var f Field
		var h uint32
		for i := 0; i < n && r.err == nil; i++ {
			r.field(&f, &h)
		}
		return nil, nil
	}
	if n == 0 {
		return nil, nil
	}
	slab, ptrs, hashes := make([]Field, n), make([]*Field, n), make([]uint32, n)
	for i := range slab {
		r.field(&slab[i], &hashes[i])
		ptrs[i] = &slab[i]
	}
	return ptrs, hashes
}

// field reads one field into f and its name's fold hash into h.
func (r *cacheReader) field(f *Field, h *uint32) {
	f.Name = r.str()
	if len(r.s)-r.off < 4 {
		r.fail("truncated field")
		return
	}
	o := r.off
	*h = uint32(r.s[o]) | uint32(r.s[o+1])<<8 | uint32(r.s[o+2])<<16 | uint32(r.s[o+3])<<24
	r.off += 4
	f.Label, f.PresentationType = r.str(), r.str()
	f.Type = FieldType(r.str())
	f.ReferencedEntities = r.list()
	if dv := r.str(); dv != "" {
		f.DefaultValue = json.RawMessage(dv)
	}
	b := r.uvarint()
	f.System, f.Calculated, f.Nullable = b&bitSystem != 0, b&bitCalculated != 0, b&bitNullable != 0
	f.CreateOnly, f.Updateable, f.Internal = b&bitCreateOnly != 0, b&bitUpdateable != 0, b&bitInternal != 0
	f.Custom, f.Visible = b&bitCustom != 0, b&bitVisible != 0
	f.Filterable, f.Sortable = b&bitFilterable != 0, b&bitSortable != 0
	f.DecimalPlaces, f.MaxLength = r.intv(), r.intv()
	f.Flags = r.list()
	f.RestrictedFieldSetName = r.str()
}

// relations reads the relations of a block (into a scratch value when
// checking).
func (r *cacheReader) relations() []*Relation {
	n := r.countMin(minRelationBytes)
	if r.strs == nil {
		var rel Relation
		for i := 0; i < n && r.err == nil; i++ {
			r.relation(&rel)
		}
		return nil
	}
	if n == 0 {
		return nil
	}
	slab, ptrs := make([]Relation, n), make([]*Relation, n)
	for i := range slab {
		r.relation(&slab[i])
		ptrs[i] = &slab[i]
	}
	return ptrs
}

// relation reads one relation into rel.
func (r *cacheReader) relation(rel *Relation) {
	rel.Name, rel.Label, rel.RoleLabel = r.str(), r.str(), r.str()
	rel.LinkTypeName, rel.RelatedTypeName, rel.SourceFieldName = r.str(), r.str(), r.str()
	rel.ReadOnly = r.uvarint()&1 != 0
}

// pickups reads the pickups of a block (into a scratch value when
// checking).
func (r *cacheReader) pickups() []*Pickup {
	n := r.countMin(minPickupBytes)
	if r.strs == nil {
		var p Pickup
		for i := 0; i < n && r.err == nil; i++ {
			r.pickup(&p)
		}
		return nil
	}
	if n == 0 {
		return nil
	}
	slab, ptrs := make([]Pickup, n), make([]*Pickup, n)
	for i := range slab {
		r.pickup(&slab[i])
		ptrs[i] = &slab[i]
	}
	return ptrs
}

// pickup reads one pickup into p.
func (r *cacheReader) pickup(p *Pickup) {
	p.Value, p.DisplayValue, p.Description = r.str(), r.str(), r.str()
}
