package metadata

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameIndex is a case-insensitive open-addressing hash table over a list of
// names. Each slot packs the 32-bit fold hash of a name (high half) and its
// position plus one (low half); 0 marks an empty slot. A lookup hashes the
// folded bytes of the query without allocating (for ASCII names), probes,
// and confirms a hash match with a case-insensitive comparison.
type nameIndex struct {
	names  []string
	hashes []uint32 // foldHash of each name, for reuse by subtypes
	slots  []uint64
	mask   uint32
}

// newNameIndex indexes names; the first occurrence of a name wins.
func newNameIndex(names []string) nameIndex {
	ix := emptyIndex(len(names))
	for _, n := range names {
		ix.add(n, foldHash(n))
	}
	return ix
}

// emptyIndex returns an index with room for n names.
func emptyIndex(n int) nameIndex {
	size := slotCount(n)
	return nameIndex{
		names:  make([]string, 0, n),
		hashes: make([]uint32, 0, n),
		slots:  make([]uint64, size),
		mask:   uint32(size - 1),
	}
}

// slotCount is the table size for n names: a power of two, at most half
// full.
func slotCount(n int) int {
	size := 8
	for size < n*2 {
		size <<= 1
	}
	return size
}

// add appends name (with its fold hash h) unless a name equal under
// folding is present, growing the table when needed; it reports whether
// name was added.
func (ix *nameIndex) add(name string, h uint32) bool {
	if (len(ix.names)+1)*2 > len(ix.slots) {
		ix.grow()
	}
	for p := h & ix.mask; ; p = (p + 1) & ix.mask {
		s := ix.slots[p]
		if s == 0 {
			ix.names = append(ix.names, name)
			ix.hashes = append(ix.hashes, h)
			ix.slots[p] = uint64(h)<<32 | uint64(len(ix.names))
			return true
		}
		if uint32(s>>32) == h && equalFold(ix.names[uint32(s)-1], name) {
			return false
		}
	}
}

// findOrAdd returns the position of name, or adds it and returns -1.
func (ix *nameIndex) findOrAdd(name string) int {
	if i := ix.find(name); i >= 0 {
		return i
	}
	ix.add(name, foldHash(name))
	return -1
}

// grow doubles the table.
func (ix *nameIndex) grow() {
	size := max(8, 2*len(ix.slots))
	ix.slots = make([]uint64, size)
	ix.mask = uint32(size - 1)
	for i, h := range ix.hashes {
		p := h & ix.mask
		for ix.slots[p] != 0 {
			p = (p + 1) & ix.mask
		}
		ix.slots[p] = uint64(h)<<32 | uint64(i+1)
	}
}

// find returns the position of name, or -1.
func (ix *nameIndex) find(name string) int {
	return ix.findHashed(name, foldHash(name))
}

// findHashed is find given the fold hash h of name.
func (ix *nameIndex) findHashed(name string, h uint32) int {
	if len(ix.slots) == 0 {
		return -1
	}
	for p := h & ix.mask; ; p = (p + 1) & ix.mask {
		s := ix.slots[p]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == h {
			if i := int(uint32(s)) - 1; equalFold(ix.names[i], name) {
				return i
			}
		}
	}
}

// equalFold is strings.EqualFold with an ASCII fast path.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return strings.EqualFold(a, b)
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x|y >= utf8.RuneSelf {
			return strings.EqualFold(a[i:], b[i:])
		}
		if x != y && lowerASCII(x) != lowerASCII(y) {
			return false
		}
	}
	return true
}

// lowerASCII lowers an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Constants of the word-at-a-time hash.
const (
	ones     = 0x0101010101010101
	highBits = 0x8080808080808080
	mul1     = 0x9e3779b97f4a7c15
	mul2     = 0xbf58476d1ce4e5b9
)

// foldHash hashes the case-folded text of s so that strings equal under
// strings.EqualFold hash alike. ASCII text is hashed eight bytes at a time
// with SWAR lower-casing and no allocation; text with other runes is first
// folded (each rune replaced by the smallest of its unicode.SimpleFold
// orbit, lowered when ASCII) and then hashed the same way.
func foldHash(s string) uint32 {
	if h, ok := hashASCII(s); ok {
		return h
	}
	var buf [128]byte
	return hashFolded(foldBytes(buf[:0], s))
}

// hashASCII hashes ASCII s; ok is false when s has a non-ASCII byte.
func hashASCII(s string) (h uint32, ok bool) {
	acc := uint64(len(s)) * mul1
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&highBits != 0 {
			return 0, false
		}
		acc = mix(acc, lowerWord(w))
	}
	var w uint64
	for j := 0; i+j < len(s); j++ {
		c := s[i+j]
		if c >= utf8.RuneSelf {
			return 0, false
		}
		w |= uint64(lowerASCII(c)) << (8 * j)
	}
	return finish(mix(acc, w)), true
}

// hashFolded hashes already-folded bytes with the same function as
// hashASCII (which lowers; lowering folded text changes nothing).
func hashFolded(b []byte) uint32 {
	acc := uint64(len(b)) * mul1
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
			uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
		acc = mix(acc, w)
	}
	var w uint64
	for j := 0; i+j < len(b); j++ {
		w |= uint64(b[i+j]) << (8 * j)
	}
	return finish(mix(acc, w))
}

// lowerWord lowers the ASCII capitals among eight ASCII bytes.
func lowerWord(w uint64) uint64 {
	geA := w + (0x80-'A')*ones     // high bit set where byte >= 'A'
	gtZ := w + (0x80-'Z'-1)*ones   // high bit set where byte > 'Z'
	upper := geA &^ gtZ & highBits // 'A' <= byte <= 'Z'
	return w | upper>>2            // 0x80 >> 2 == 0x20
}

// mix folds a word into the accumulator.
func mix(acc, w uint64) uint64 {
	hi, lo := bits.Mul64(acc^w, mul2)
	return hi ^ lo
}

// finish reduces the accumulator to 32 bits.
func finish(acc uint64) uint32 {
	return uint32(acc ^ acc>>32)
}

// foldBytes appends the folded form of s to dst: ASCII lowered, other runes
// replaced by their fold representative.
func foldBytes(dst []byte, s string) []byte {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			r = foldRep(r)
		}
		if r < utf8.RuneSelf {
			dst = append(dst, lowerASCII(byte(r)))
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// foldRep is the smallest rune of r's simple-fold orbit; ASCII letters are
// mapped to lower case so that K (Kelvin sign) folds like k.
func foldRep(r rune) rune {
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	if min < utf8.RuneSelf {
		return rune(lowerASCII(byte(min)))
	}
	return min
}
