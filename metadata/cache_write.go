package metadata

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// cacheMagic starts every cache file; its last digit is the format version.
// The cache stores foldHash of each field name: changing foldHash requires
// a new version.
const cacheMagic = "CZQLMD1\n"

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
// Load (see the package documentation for the layout).
func (m *Metadata) WriteCache(w io.Writer) error {
	var cw cacheWriter
	cw.strIdx = map[string]uint32{"": 0}
	cw.strs = []string{""}
	m.writeBody(&cw)
	var out bytes.Buffer
	out.Grow(len(cacheMagic) + 16 + cw.blobLen + len(cw.strs)*2 + cw.body.Len() + 4)
	out.WriteString(cacheMagic)
	cw.writeTable(&out)
	out.Write(cw.body.Bytes())
	sum := crc32.Checksum(out.Bytes()[len(cacheMagic):], crcTable)
	out.Write(binary.LittleEndian.AppendUint32(nil, sum))
	_, err := w.Write(out.Bytes())
	return err
}

// cacheWriter accumulates the string table and the body that refers to it.
type cacheWriter struct {
	strIdx  map[string]uint32
	strs    []string
	blobLen int
	body    bytes.Buffer
	scratch [binary.MaxVarintLen64]byte
}

// uvarint appends an unsigned varint to the body.
func (c *cacheWriter) uvarint(v uint64) {
	c.body.Write(binary.AppendUvarint(c.scratch[:0], v))
}

// varint appends a signed (zig-zag) varint to the body.
func (c *cacheWriter) varint(v int64) {
	c.body.Write(binary.AppendVarint(c.scratch[:0], v))
}

// str appends the table index of s, adding s to the table.
func (c *cacheWriter) str(s string) {
	i, ok := c.strIdx[s]
	if !ok {
		i = uint32(len(c.strs))
		c.strIdx[s] = i
		c.strs = append(c.strs, s)
		c.blobLen += len(s)
	}
	c.uvarint(uint64(i))
}

// list appends a count and the table indexes of a string list.
func (c *cacheWriter) list(l []string) {
	c.uvarint(uint64(len(l)))
	for _, s := range l {
		c.str(s)
	}
}

// writeTable writes the string table: count, blob length, lengths, blob.
func (c *cacheWriter) writeTable(out *bytes.Buffer) {
	out.Write(binary.AppendUvarint(nil, uint64(len(c.strs))))
	out.Write(binary.AppendUvarint(nil, uint64(c.blobLen)))
	for _, s := range c.strs {
		out.Write(binary.AppendUvarint(c.scratch[:0], uint64(len(s))))
	}
	for _, s := range c.strs {
		out.WriteString(s)
	}
}

// writeBody writes the header, totals and entities.
func (m *Metadata) writeBody(c *cacheWriter) {
	var nano int64
	if !m.FetchedAt.IsZero() {
		nano = m.FetchedAt.UnixNano()
	}
	c.varint(nano)
	c.str(m.Host)
	var nf, nl, nr, np int
	for _, e := range m.entities {
		nf += len(e.Fields)
		nr += len(e.Relations)
		np += len(e.Pickups)
		nl += len(e.ValidStates)
		for _, f := range e.Fields {
			nl += len(f.ReferencedEntities) + len(f.Flags)
		}
	}
	for _, n := range []int{len(m.entities), nf, nl, nr, np} {
		c.uvarint(uint64(n))
	}
	for _, e := range m.entities {
		writeEntity(c, e)
	}
}

// writeEntity writes one entity.
func writeEntity(c *cacheWriter, e *Entity) {
	for _, s := range []string{e.TypeName, e.Label, e.LabelPlural, e.ParentEntity, e.DisplayField} {
		c.str(s)
	}
	c.uvarint(boolBit(e.Disabled, 1))
	c.list(e.ValidStates)
	c.uvarint(uint64(len(e.Fields)))
	for _, f := range e.Fields {
		writeField(c, f)
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
func writeField(c *cacheWriter, f *Field) {
	c.str(f.Name)
	c.body.Write(binary.LittleEndian.AppendUint32(c.scratch[:0], foldHash(f.Name)))
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
