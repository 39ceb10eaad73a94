package lsp

import (
	"sort"
	"unicode/utf8"
)

// encoding is the negotiated position encoding: what a Position's
// Character counts.
type encoding int

// The position encodings.
const (
	utf16     encoding = iota // UTF-16 code units, the protocol's default
	utf8Bytes                 // UTF-8 bytes
)

// String returns the protocol's name of e.
func (e encoding) String() string {
	if e == utf8Bytes {
		return "utf-8"
	}
	return "utf-16"
}

// negotiate picks utf-8 when the client offers it, else utf-16.
func negotiate(offered []string) encoding {
	for _, o := range offered {
		if o == "utf-8" {
			return utf8Bytes
		}
	}
	return utf16
}

// lineIndex maps the byte offsets of a text to LSP positions and back.
// Lines end at "\n", "\r\n" or a lone "\r", as the protocol says; czql's
// own line numbers (diag.Pos) count "\n" only, so positions are converted
// from byte offsets, never from diag's lines and columns.
type lineIndex struct {
	text   string
	starts []int // the offset of the first byte of each line
	enc    encoding
}

// newLineIndex indexes text for positions in encoding enc.
func newLineIndex(text string, enc encoding) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts, enc: enc}
}

// lineEnd returns the offset of the end of line i, before its line
// break.
func (x *lineIndex) lineEnd(i int) int {
	if i+1 >= len(x.starts) {
		return len(x.text)
	}
	end := x.starts[i+1] - 1
	if end > x.starts[i] && x.text[end] == '\n' && x.text[end-1] == '\r' {
		end--
	}
	return end
}

// position returns the position of byte offset off, clamped to the text.
// An offset inside a rune counts from that rune's start.
func (x *lineIndex) position(off int) Position {
	off = min(max(off, 0), len(x.text))
	i := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	start := x.starts[i]
	off = x.runeStart(min(off, max(x.lineEnd(i), start)), start)
	return Position{Line: uint32(i), Character: uint32(x.units(x.text[start:off]))}
}

// units returns the length of s in the encoding's units.
func (x *lineIndex) units(s string) int {
	if x.enc == utf8Bytes {
		return len(s)
	}
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

// offset returns the byte offset of p. A line past the end gives the end
// of the text; a character past the end of its line, the end of the line;
// a character inside a rune (the second half of a surrogate pair, a byte
// inside a UTF-8 sequence), the start of that rune.
func (x *lineIndex) offset(p Position) int {
	if int(p.Line) >= len(x.starts) {
		return len(x.text)
	}
	start, end := x.starts[p.Line], x.lineEnd(int(p.Line))
	want := int(p.Character)
	if x.enc == utf8Bytes {
		return x.runeStart(min(start+want, end), start)
	}
	n := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(x.text[i:end])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > want {
			return i
		}
		n += w
		i += size
	}
	return end
}

// runeStart moves off back to the start of the rune it is in, not before
// floor.
func (x *lineIndex) runeStart(off, floor int) int {
	for off > floor && off < len(x.text) && !utf8.RuneStart(x.text[off]) {
		off--
	}
	return off
}

// rangeOf returns the range of the byte span [start, end).
func (x *lineIndex) rangeOf(start, end int) Range {
	return Range{Start: x.position(start), End: x.position(max(start, end))}
}

// offsets returns the byte span of r, in order.
func (x *lineIndex) offsets(r Range) (int, int) {
	start, end := x.offset(r.Start), x.offset(r.End)
	if end < start {
		start, end = end, start
	}
	return start, end
}
