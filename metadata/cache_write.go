package metadata

import (
	"encoding/binary"
	"hash/crc32"
	"io"
)

// cacheMagic starts every cache file; its last digit is the format version.
// The cache stores foldHash of each field name: changing foldHash requires
// a new version.
const cacheMagic = "CZQLMD2\n"

// cacheMagicPrefix is the part of the magic shared by all format versions.
const cacheMagicPrefix = "CZQLMD"

// crcTable is the Castagnoli table (hardware-accelerated on common CPUs).
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Field flag bits of the cache format.
const (
	bitSystem = 1 << iota
	bitCalculated
	bitNullable
	bitCreateOnly
	bitUpdateable
	bitInternal
	bitCustom
	bitVisible
	bitFilterable
	bitSortable
)

// WriteCache writes m in the compact cache format read by ReadCache and
// Load (see the package documentation for the layout). A set read from a
// cache is materialised entirely first.
func (m *Metadata) WriteCache(w io.Writer) error {
	ents := m.Entities()
	var nano int64
	if !m.FetchedAt.IsZero() {
		nano = m.FetchedAt.UnixNano()
	}
	blocks := make([][]byte, len(ents))
	var bw blockWriter
	size := 0
	for i, e := range ents {
		blocks[i] = bw.block(e)
		size += len(blocks[i])
	}
	out := make([]byte, 0, len(cacheMagic)+32+len(ents)*40+size+4)
	out = append(out, cacheMagic...)
	out = binary.AppendVarint(out, nano)
	out = appendString(out, m.Host)
	out = binary.AppendUvarint(out, uint64(len(ents)))
	for i, e := range ents {
		out = appendString(out, e.TypeName)
		out = appendString(out, e.ParentEntity)
		out = binary.AppendUvarint(out, uint64(len(blocks[i])))
	}
	for _, b := range blocks {
		out = append(out, b...)
	}
	out = binary.LittleEndian.AppendUint32(out, crc32.Checksum(out[len(cacheMagic):], crcTable))
	_, err := w.Write(out)
	return err
}

// appendString appends a length-prefixed string.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// blockWriter builds the self-contained body block of one entity: its
// string table, then the items that refer to it. Reference 0 is "", the
// table's strings are references 1….
type blockWriter struct {
	strIdx map[string]uint64
	strs   []string
	body   []byte
}

// block returns the body block of e; the result is a fresh slice.
func (c *blockWriter) block(e *Entity) []byte {
	if c.strIdx == nil {
		c.strIdx = make(map[string]uint64)
	}
	clear(c.strIdx)
	c.strs, c.body = c.strs[:0], c.body[:0]
	c.writeEntity(e)
	n := binary.MaxVarintLen64 + len(c.body)
	for _, s := range c.strs {
		n += binary.MaxVarintLen64 + len(s)
	}
	out := binary.AppendUvarint(make([]byte, 0, n), uint64(len(c.strs)))
	for _, s := range c.strs {
		out = appendString(out, s)
	}
	return append(out, c.body...)
}

// uvarint appends an unsigned varint to the body.
func (c *blockWriter) uvarint(v uint64) { c.body = binary.AppendUvarint(c.body, v) }

// varint appends a signed (zig-zag) varint to the body.
func (c *blockWriter) varint(v int64) { c.body = binary.AppendVarint(c.body, v) }

// str appends the table reference of s, adding s to the table.
func (c *blockWriter) str(s string) {
	if s == "" {
		c.uvarint(0)
		return
	}
	i, ok := c.strIdx[s]
	if !ok {
		c.strs = append(c.strs, s)
		i = uint64(len(c.strs))
		c.strIdx[s] = i
	}
	c.uvarint(i)
}

// list appends a count and the references of a string list.
func (c *blockWriter) list(l []string) {
	c.uvarint(uint64(len(l)))
	for _, s := range l {
		c.str(s)
	}
}

// writeEntity writes the body of e (TypeName and ParentEntity are in the
// directory).
func (c *blockWriter) writeEntity(e *Entity) {
	c.str(e.Label)
	c.str(e.LabelPlural)
	c.str(e.DisplayField)
	c.uvarint(boolBit(e.Disabled, 1))
	c.list(e.ValidStates)
	c.uvarint(uint64(len(e.Fields)))
	for _, f := range e.Fields {
		c.writeField(f)
	}
	c.uvarint(uint64(len(e.Relations)))
	for _, r := range e.Relations {
		for _, s := range []string{r.Name, r.Label, r.RoleLabel, r.LinkTypeName, r.RelatedTypeName, r.SourceFieldName} {
			c.str(s)
		}
		c.uvarint(boolBit(r.ReadOnly, 1))
	}
	c.uvarint(uint64(len(e.Pickups)))
	for _, p := range e.Pickups {
		c.str(p.Value)
		c.str(p.DisplayValue)
		c.str(p.Description)
	}
}

// writeField writes one field.
func (c *blockWriter) writeField(f *Field) {
	c.str(f.Name)
	c.body = binary.LittleEndian.AppendUint32(c.body, foldHash(f.Name))
	c.str(f.Label)
	c.str(f.PresentationType)
	c.str(string(f.Type))
	c.list(f.ReferencedEntities)
	c.str(string(f.DefaultValue))
	c.uvarint(fieldBits(f))
	c.varint(int64(f.DecimalPlaces))
	c.varint(int64(f.MaxLength))
	c.list(f.Flags)
	c.str(f.RestrictedFieldSetName)
}

// fieldBits packs the boolean attributes of f.
func fieldBits(f *Field) uint64 {
	return boolBit(f.System, bitSystem) | boolBit(f.Calculated, bitCalculated) |
		boolBit(f.Nullable, bitNullable) | boolBit(f.CreateOnly, bitCreateOnly) |
		boolBit(f.Updateable, bitUpdateable) | boolBit(f.Internal, bitInternal) |
		boolBit(f.Custom, bitCustom) | boolBit(f.Visible, bitVisible) |
		boolBit(f.Filterable, bitFilterable) | boolBit(f.Sortable, bitSortable)
}

// boolBit returns bit when b is true, else 0.
func boolBit(b bool, bit uint64) uint64 {
	if b {
		return bit
	}
	return 0
}
