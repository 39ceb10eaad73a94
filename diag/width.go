package diag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tabWidth is the tab stop used when a source line is shown: a tab advances
// to the next multiple of tabWidth display columns.
const tabWidth = 4

// wide holds the main East Asian Wide and Fullwidth blocks, which terminals
// draw two columns wide. It is an approximation of Unicode's
// EastAsianWidth.txt that covers CJK, Hangul, fullwidth forms and the common
// emoji blocks; a rune outside it counts as one column.
var wide = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x115f, Stride: 1}, // Hangul Jamo initials
		{Lo: 0x2e80, Hi: 0x303e, Stride: 1}, // CJK radicals, punctuation
		{Lo: 0x3041, Hi: 0x33ff, Stride: 1}, // kana, CJK symbols
		{Lo: 0x3400, Hi: 0x4dbf, Stride: 1}, // CJK extension A
		{Lo: 0x4e00, Hi: 0x9fff, Stride: 1}, // CJK unified ideographs
		{Lo: 0xa000, Hi: 0xa4cf, Stride: 1}, // Yi
		{Lo: 0xac00, Hi: 0xd7a3, Stride: 1}, // Hangul syllables
		{Lo: 0xf900, Hi: 0xfaff, Stride: 1}, // CJK compatibility ideographs
		{Lo: 0xfe30, Hi: 0xfe4f, Stride: 1}, // CJK compatibility forms
		{Lo: 0xff00, Hi: 0xff60, Stride: 1}, // fullwidth forms
		{Lo: 0xffe0, Hi: 0xffe6, Stride: 1}, // fullwidth signs
	},
	R32: []unicode.Range32{
		{Lo: 0x1f300, Hi: 0x1f64f, Stride: 1}, // pictographs, emoticons
		{Lo: 0x1f900, Hi: 0x1f9ff, Stride: 1}, // supplemental pictographs
		{Lo: 0x20000, Hi: 0x2fffd, Stride: 1}, // CJK extensions B-F
		{Lo: 0x30000, Hi: 0x3fffd, Stride: 1}, // CJK extension G
	},
}

// runeWidth returns the number of terminal columns r occupies: 0 for
// combining marks and invisible format characters, 2 for East Asian wide
// runes and 1 otherwise.
func runeWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case unicode.Is(wide, r):
		return 2
	}
	return 1
}

// unsafeRune reports whether r must not reach a terminal as it is: control
// characters (other than tab, which is expanded) could move the cursor or
// start an escape sequence, and bidirectional overrides could reorder the
// line so that it no longer matches the carets under it.
func unsafeRune(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// expandLine returns line as it should be printed together with the display
// column of each of its bytes: cols[i] is the 0-based column at which byte i
// is drawn (the column of the rune it belongs to), and cols[len(line)] the
// width of the whole line.
//
// Tabs become spaces up to the next tab stop. Invalid UTF-8 bytes and unsafe
// runes (see unsafeRune) are printed as U+FFFD, one column each, so they
// shift neither the line nor the carets.
func expandLine(line string) (string, []int) { return expand(line, 0) }

// expand is expandLine for text that starts at column col0 of its line:
// tabs stop at multiples of tabWidth counted from the start of the line,
// and cols holds line columns, from col0.
func expand(line string, col0 int) (string, []int) {
	cols := make([]int, len(line)+1)
	var b strings.Builder
	b.Grow(len(line))
	col := col0
	for i := 0; i < len(line); {
		if c := line[i]; c >= ' ' && c < 0x7f { // printable ASCII, the common case
			cols[i] = col
			b.WriteByte(c)
			col++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		for k := range size {
			cols[i+k] = col
		}
		switch {
		case r == '\t':
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case r == utf8.RuneError && size == 1, unsafeRune(r):
			b.WriteRune(utf8.RuneError)
			col++
		default:
			b.WriteRune(r)
			col += runeWidth(r)
		}
		i += size
	}
	cols[len(line)] = col
	return b.String(), cols
}
