package metadata

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"time"
)

// ErrCorruptCache is wrapped by the errors of ReadCache and DecodeCache for
// input that is not a well-formed cache.
var ErrCorruptCache = errors.New("metadata: corrupt cache")

// ReadCache reads a cache written by WriteCache.
func ReadCache(r io.Reader) (*Metadata, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("metadata: reading cache: %w", err)
	}
	return DecodeCache(data)
}

// DecodeCache decodes a cache written by WriteCache. A truncated or
// corrupt cache gives an error wrapping ErrCorruptCache; lengths in the
// input are bounded by the remaining input, so bad data never causes a
// large allocation.
func DecodeCache(data []byte) (*Metadata, error) {
	if !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return nil, fmt.Errorf("%w: bad magic header", ErrCorruptCache)
	}
	body := data[len(cacheMagic):]
	if len(body) < 4 {
		return nil, fmt.Errorf("%w: truncated", ErrCorruptCache)
	}
	sum := binary.LittleEndian.Uint32(body[len(body)-4:])
	body = body[:len(body)-4]
	if crc32.Checksum(body, crcTable) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorruptCache)
	}
	return decodeBody(body)
}

// cacheReader reads varints and table references from a body; the first
// problem is kept in err and later reads return zeros.
type cacheReader struct {
	b    []byte
	off  int
	err  error
	strs []string
}

// fail records the first error and moves to the end of the input, so
// that later reads fail too.
func (r *cacheReader) fail(msg string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", ErrCorruptCache, msg, r.off+len(cacheMagic))
	}
	r.off = len(r.b)
}

// uvarint reads an unsigned varint, with a fast path for one byte.
func (r *cacheReader) uvarint() uint64 {
	if r.off < len(r.b) && r.b[r.off] < 0x80 {
		v := r.b[r.off]
		r.off++
		return uint64(v)
	}
	v, n := binary.Uvarint(r.b[min(r.off, len(r.b)):])
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.off += n
	return v
}

// varint reads a signed varint.
func (r *cacheReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.Varint
}

// count reads a count that must not exceed the remaining input (every item
// takes at least one byte).
func (r *cacheReader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)-r.off) && r.err == nil {
		r.fail("count exceeds input")
		return 0
	}
	return int(v)
}

// countMin reads a count of items that take at least min bytes each in
// the input, bounding it by the remaining input.
func (r *cacheReader) countMin(min int) int {
	v := r.uvarint()
	if v > uint64((len(r.b)-r.off)/min) && r.err == nil {
		r.fail("count exceeds input")
		return 0
	}
	return int(v)
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

// str reads a string-table reference.
func (r *cacheReader) str() string {
	i := r.uvarint()
	if i >= uint64(len(r.strs)) {
		r.fail("string index out of range")
		return ""
	}
	return r.strs[i]
}

// table reads the string table; the strings share one allocation.
func (r *cacheReader) table() {
	n := r.count()
	size := r.count()
	if r.err != nil {
		return
	}
	lens := make([]int, n)
	total := 0
	for i := range lens {
		l := r.count()
		total += l
		if total > size {
			r.fail("string table overflows")
		}
		lens[i] = l
	}
	if r.err != nil || total != size || size > len(r.b)-r.off {
		r.fail("bad string table")
		return
	}
	blob := string(r.b[r.off : r.off+size])
	r.off += size
	r.strs = make([]string, n)
	at := 0
	for i, l := range lens {
		r.strs[i] = blob[at : at+l]
		at += l
	}
	if n == 0 || r.strs[0] != "" {
		r.fail("string table lacks the empty string")
	}
}

// decodeBody decodes the checksummed part of a cache.
func decodeBody(body []byte) (*Metadata, error) {
	r := &cacheReader{b: body}
	r.table()
	nano := r.varint()
	host := r.str()
	s := newSlabs(r)
	ents := make([]*Entity, s.nEntities)
	for i := range ents {
		ents[i] = s.entity(r)
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.err == nil && r.off != len(r.b) {
		r.fail("trailing bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	m := New(ents...)
	m.Host = host
	if nano != 0 {
		m.FetchedAt = time.Unix(0, nano).UTC()
	}
	return m, nil
}

// slabs holds the arrays that a cache's entities, fields, string lists,
// relations and pickups are cut from: a handful of allocations in all.
type slabs struct {
	nEntities int
	entities  []Entity
	fields    []Field
	fieldPtrs []*Field
	hashes    []uint32 // fold hashes of field names, parallel to fields
	lists     []string
	rels      []Relation
	relPtrs   []*Relation
	picks     []Pickup
	pickPtrs  []*Pickup
}

// The least number of bytes an entity, field, relation and pickup take in
// a cache: one per varint.
const (
	minEntityBytes   = 10
	minFieldBytes    = 15
	minRelationBytes = 7
	minPickupBytes   = 3
)

// newSlabs reads the totals and allocates the slabs.
func newSlabs(r *cacheReader) *slabs {
	s := &slabs{nEntities: r.countMin(minEntityBytes)}
	nf, nl := r.countMin(minFieldBytes), r.count()
	nr, np := r.countMin(minRelationBytes), r.countMin(minPickupBytes)
	if r.err != nil {
		s.nEntities = 0
		return s
	}
	s.entities = make([]Entity, 0, s.nEntities)
	s.fields, s.fieldPtrs = make([]Field, 0, nf), make([]*Field, 0, nf)
	s.hashes = make([]uint32, 0, nf)
	s.lists = make([]string, 0, nl)
	s.rels, s.relPtrs = make([]Relation, 0, nr), make([]*Relation, 0, nr)
	s.picks, s.pickPtrs = make([]Pickup, 0, np), make([]*Pickup, 0, np)
	return s
}

// list reads a string list into the list slab; empty lists are nil.
func (s *slabs) list(r *cacheReader) []string {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	if len(s.lists)+n > cap(s.lists) {
		r.fail("string lists exceed their total")
		return nil
	}
	at := len(s.lists)
	for range n {
		s.lists = append(s.lists, r.str())
	}
	return s.lists[at:len(s.lists):len(s.lists)]
}

// room reports whether a slab of capacity c holds n more than used.
func room(r *cacheReader, used, n, c int, what string) bool {
	if used+n > c {
		r.fail(what + " exceed their total")
		return false
	}
	return r.err == nil
}

// entity reads one entity.
func (s *slabs) entity(r *cacheReader) *Entity {
	if !room(r, len(s.entities), 1, cap(s.entities), "entities") {
		return nil
	}
	s.entities = append(s.entities, Entity{
		TypeName: r.str(), Label: r.str(), LabelPlural: r.str(),
		ParentEntity: r.str(), DisplayField: r.str(),
	})
	e := &s.entities[len(s.entities)-1]
	e.Disabled = r.uvarint()&1 != 0
	e.ValidStates = s.list(r)
	e.Fields = s.readFields(r, e)
	e.Relations = s.readRelations(r)
	e.Pickups = s.readPickups(r)
	return e
}

// readFields reads the fields of one entity.
func (s *slabs) readFields(r *cacheReader, e *Entity) []*Field {
	n := r.count()
	if n == 0 || !room(r, len(s.fields), n, cap(s.fields), "fields") {
		return nil
	}
	at := len(s.fieldPtrs)
	for range n {
		s.fields = append(s.fields, Field{})
		f := &s.fields[len(s.fields)-1]
		s.readField(r, f)
		s.fieldPtrs = append(s.fieldPtrs, f)
	}
	if r.err != nil {
		return nil
	}
	e.nameHashes = s.hashes[at:len(s.hashes):len(s.hashes)]
	return s.fieldPtrs[at:len(s.fieldPtrs):len(s.fieldPtrs)]
}

// readField reads one field into f.
func (s *slabs) readField(r *cacheReader, f *Field) {
	f.Name = r.str()
	if r.off+4 > len(r.b) {
		r.fail("truncated field")
		return
	}
	s.hashes = append(s.hashes, binary.LittleEndian.Uint32(r.b[r.off:]))
	r.off += 4
	f.Label, f.PresentationType = r.str(), r.str()
	f.Type = FieldType(r.str())
	f.ReferencedEntities = s.list(r)
	if dv := r.str(); dv != "" {
		f.DefaultValue = json.RawMessage(dv)
	}
	b := r.uvarint()
	f.System, f.Calculated, f.Nullable = b&bitSystem != 0, b&bitCalculated != 0, b&bitNullable != 0
	f.CreateOnly, f.Updateable, f.Internal = b&bitCreateOnly != 0, b&bitUpdateable != 0, b&bitInternal != 0
	f.Custom, f.Visible = b&bitCustom != 0, b&bitVisible != 0
	f.Filterable, f.Sortable = b&bitFilterable != 0, b&bitSortable != 0
	f.DecimalPlaces, f.MaxLength = r.intv(), r.intv()
	f.Flags = s.list(r)
	f.RestrictedFieldSetName = r.str()
}

// readRelations reads the relations of one entity.
func (s *slabs) readRelations(r *cacheReader) []*Relation {
	n := r.count()
	if n == 0 || !room(r, len(s.rels), n, cap(s.rels), "relations") {
		return nil
	}
	at := len(s.relPtrs)
	for range n {
		s.rels = append(s.rels, Relation{
			Name: r.str(), Label: r.str(), RoleLabel: r.str(),
			LinkTypeName: r.str(), RelatedTypeName: r.str(), SourceFieldName: r.str(),
			ReadOnly: r.uvarint()&1 != 0,
		})
		s.relPtrs = append(s.relPtrs, &s.rels[len(s.rels)-1])
	}
	return s.relPtrs[at:len(s.relPtrs):len(s.relPtrs)]
}

// readPickups reads the pickups of one entity.
func (s *slabs) readPickups(r *cacheReader) []*Pickup {
	n := r.count()
	if n == 0 || !room(r, len(s.picks), n, cap(s.picks), "pickups") {
		return nil
	}
	at := len(s.pickPtrs)
	for range n {
		s.picks = append(s.picks, Pickup{Value: r.str(), DisplayValue: r.str(), Description: r.str()})
		s.pickPtrs = append(s.pickPtrs, &s.picks[len(s.picks)-1])
	}
	return s.pickPtrs[at:len(s.pickPtrs):len(s.pickPtrs)]
}
