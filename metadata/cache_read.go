package metadata

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"time"
	"unsafe"
)

// ErrCorruptCache is wrapped by the errors of ReadCache and DecodeCache for
// input that is not a well-formed cache.
var ErrCorruptCache = errors.New("metadata: corrupt cache")

// ReadCache reads a cache written by WriteCache (see DecodeCache).
func ReadCache(r io.Reader) (*Metadata, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("metadata: reading cache: %w", err)
	}
	return decodeOwned(data)
}

// DecodeCache decodes a cache written by WriteCache. It verifies the
// checksum and the structure of the whole cache but decodes only the entity
// directory: each entity's body is decoded on first access (see the
// package documentation). data is copied, the caller may reuse it.
//
// A truncated or corrupt cache gives an error wrapping ErrCorruptCache, as
// does a cache of format 1, which is no longer read. Lengths in the input
// are bounded by the remaining input, so bad data never causes a large
// allocation.
func DecodeCache(data []byte) (*Metadata, error) {
	if err := checkEnvelope(data); err != nil {
		return nil, err
	}
	return decodeCache(string(data[:len(data)-4]), len(cacheMagic))
}

// decodeOwned is DecodeCache for a buffer that nothing else refers to and
// that is never modified afterwards (ReadCache's, Load's): the set's
// strings are sliced from it without a copy, which saves a second
// allocation of the cache's size.
func decodeOwned(data []byte) (*Metadata, error) {
	if err := checkEnvelope(data); err != nil {
		return nil, err
	}
	s := unsafe.String(unsafe.SliceData(data), len(data)-4)
	return decodeCache(s, len(cacheMagic))
}

// checkEnvelope checks the magic, the format version and the checksum.
func checkEnvelope(data []byte) error {
	if !bytes.HasPrefix(data, []byte(cacheMagicPrefix)) || len(data) < len(cacheMagic) {
		return fmt.Errorf("%w: bad magic header", ErrCorruptCache)
	}
	if !bytes.HasPrefix(data, []byte(cacheMagic)) {
		return fmt.Errorf("%w: cache format %q is no longer supported; run czql metadata fetch again",
			ErrCorruptCache, data[len(cacheMagicPrefix):len(cacheMagic)-1])
	}
	if len(data) < len(cacheMagic)+4 {
		return fmt.Errorf("%w: truncated", ErrCorruptCache)
	}
	end := len(data) - 4
	if crc32.Checksum(data[len(cacheMagic):end], crcTable) != binary.LittleEndian.Uint32(data[end:]) {
		return fmt.Errorf("%w: checksum mismatch", ErrCorruptCache)
	}
	return nil
}

// decodeCache decodes the directory of the cache s (without its checksum),
// whose header starts at off, checks every body block and returns the lazy
// set.
func decodeCache(s string, off int) (*Metadata, error) {
	r := &cacheReader{s: s, off: off}
	nano := r.varint()
	host := r.take(r.count())
	ents := readDirectory(r)
	if r.err != nil {
		return nil, r.err
	}
	m := &Metadata{Host: host, cache: s, entities: ents}
	if nano != 0 {
		m.FetchedAt = time.Unix(0, nano).UTC()
	}
	if err := m.indexDirectory(); err != nil {
		return nil, err
	}
	if err := m.checkBlocks(); err != nil {
		return nil, err
	}
	m.resolveParents()
	return m, nil
}

// minEntryBytes is the least number of bytes a directory entry and its
// body block take: three in the entry, nine in the block.
const minEntryBytes = 12

// readDirectory reads the entity count and directory and places the body
// blocks, which follow the directory back to back, up to the end of r.
func readDirectory(r *cacheReader) []*Entity {
	n := r.countMin(minEntryBytes)
	if r.err != nil {
		return nil
	}
	slab := make([]Entity, n)
	lazies := make([]entityLazy, n)
	ents := make([]*Entity, n)
	for i := range slab {
		e := &slab[i]
		e.TypeName = r.take(r.count())
		e.ParentEntity = r.take(r.count())
		lazies[i].end = r.count() // the length, for now
		e.lazy = &lazies[i]
		ents[i] = e
	}
	at := r.off
	for i := range lazies {
		l := &lazies[i]
		l.off, l.end = at, at+l.end
		at = l.end
	}
	if r.err == nil && at != len(r.s) {
		r.fail("body blocks do not fill the cache")
	}
	return ents
}

// indexDirectory checks that the entities are sorted by TypeName and
// distinct case-insensitively, and indexes them.
func (m *Metadata) indexDirectory() error {
	m.index = emptyIndex(len(m.entities))
	for i, e := range m.entities {
		if i > 0 && m.entities[i-1].TypeName >= e.TypeName {
			return fmt.Errorf("%w: entity %q out of order", ErrCorruptCache, e.TypeName)
		}
		if !m.index.add(e.TypeName, foldHash(e.TypeName)) {
			return fmt.Errorf("%w: duplicate entity %q", ErrCorruptCache, e.TypeName)
		}
	}
	return nil
}

// checkBlocks checks the structure of every body block, so that decoding
// one later cannot fail.
func (m *Metadata) checkBlocks() error {
	var scratch Entity
	for _, e := range m.entities {
		r := &cacheReader{s: m.cache[:e.lazy.end], off: e.lazy.off}
		r.block(&scratch, true)
		if r.err != nil {
			return fmt.Errorf("%w (entity %s)", r.err, e.TypeName)
		}
	}
	return nil
}

// cacheReader reads varints, strings and table references from s[off:];
// the first problem is kept in err and later reads return zeros.
type cacheReader struct {
	s    string // cut at the end of what is read
	off  int
	err  error
	nstr int      // references 0…nstr are valid in the current block
	strs []string // the block's table, "" first; nil when checking
}

// fail records the first error and moves to the end of the input, so
// that later reads fail too.
func (r *cacheReader) fail(msg string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at byte %d", ErrCorruptCache, msg, r.off)
	}
	r.off = len(r.s)
}

// uvarint reads an unsigned varint (as binary.Uvarint); the one-byte case
// is inlined.
func (r *cacheReader) uvarint() uint64 {
	if o := r.off; o < len(r.s) && r.s[o] < 0x80 {
		r.off = o + 1
		return uint64(r.s[o])
	}
	return r.uvarintSlow()
}

// uvarintSlow reads a varint of several bytes.
func (r *cacheReader) uvarintSlow() uint64 {
	var x uint64
	for i, sh := 0, uint(0); i < binary.MaxVarintLen64 && r.off < len(r.s); i, sh = i+1, sh+7 {
		b := r.s[r.off]
		r.off++
		if b < 0x80 {
			if i == binary.MaxVarintLen64-1 && b > 1 {
				break
			}
			return x | uint64(b)<<sh
		}
		x |= uint64(b&0x7f) << sh
	}
	r.fail("bad varint")
	return 0
}

// varint reads a signed varint.
func (r *cacheReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1) // zig-zag, as binary.Varint
}

// count reads a count that must not exceed the remaining input (every item
// takes at least one byte).
func (r *cacheReader) count() int {
	var v uint64
	if o := r.off; o < len(r.s) && r.s[o] < 0x80 { // uvarint, inlined
		v, r.off = uint64(r.s[o]), o+1
	} else {
		v = r.uvarintSlow()
	}
	if v > uint64(len(r.s)-r.off) {
		r.fail("count exceeds input")
		return 0
	}
	return int(v)
}

// countMin reads a count of items that take at least min bytes each in
// the input, bounding it by the remaining input.
func (r *cacheReader) countMin(min int) int {
	v := r.count()
	if v*min > len(r.s)-r.off {
		r.fail("count exceeds input")
		return 0
	}
	return v
}

// take returns the next n bytes (n is bounded by count).
func (r *cacheReader) take(n int) string {
	if r.err != nil {
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}
