package render

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Display widths are counted with go-runewidth under a fixed condition,
// not the locale's, so that a table comes out the same everywhere: East
// Asian wide and fullwidth runes (and most emoji) count 2, combining
// marks and other zero-width runes 0, East Asian ambiguous runes 1.
// Runes joined by U+200D (ZWJ emoji sequences) are counted one by one,
// as go-runewidth does by default; a terminal that draws such a sequence
// as one glyph shows the row a little short, never too long.
var widthCondition = &runewidth.Condition{}

// Ellipsis ends a value cut to fit its column.
const Ellipsis = "…"

// zeroWidthJoiner is U+200D, which may not end a cut value.
const zeroWidthJoiner = '\u200d'

// DisplayWidth is the number of terminal columns s takes.
func DisplayWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if !isPrintableASCII(s[i]) {
			return widthCondition.StringWidth(s)
		}
	}
	return len(s) // the common case, without the Unicode tables
}

// RuneWidth is the number of terminal columns r takes.
func RuneWidth(r rune) int {
	if r < utf8.RuneSelf && isPrintableASCII(byte(r)) {
		return 1
	}
	return widthCondition.RuneWidth(r)
}

// isPrintableASCII reports whether b is a printable ASCII character,
// one column wide.
func isPrintableASCII(b byte) bool { return b >= 0x20 && b < 0x7f }

// CutToWidth returns s when it fits in width columns; otherwise its
// longest prefix of whole runes that fits in width-1 columns followed by
// "…". Zero-width runes (combining marks) stay with the rune before
// them, and the cut never splits a UTF-8 sequence. A width below 1 gives
// "…" alone.
func CutToWidth(s string, width int) string {
	cut, _ := CutCell(s, width)
	return cut
}

// CutCell is CutToWidth that also returns the display width of the
// result.
func CutCell(s string, width int) (string, int) {
	if w := DisplayWidth(s); w <= width {
		return s, w
	}
	used, end := 0, 0
	for i, r := range s {
		w := RuneWidth(r)
		if used+w > width-1 {
			break
		}
		used, end = used+w, i+utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:end], string(zeroWidthJoiner)) + Ellipsis, used + 1
}

// FitCell returns s cut to width columns (see CutToWidth) and padded
// with blanks to width.
func FitCell(s string, width int) string {
	cut, w := CutCell(s, width)
	if w < width {
		return cut + strings.Repeat(" ", width-w)
	}
	return cut
}

// PadRight pads s with blanks to width columns.
func PadRight(s string, width int) string {
	if n := width - DisplayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// OneLine escapes the runes of s that would break a line of a table or
// move the cursor: newline, carriage return and tab as \n, \r and \t,
// other control characters as \xHH or \uHHHH, line and paragraph
// separators and bidirectional controls as \uHHHH. A backslash already
// in s is left as it is: the escapes are for the eye, not for parsing.
func OneLine(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			b.WriteString(escapeRune(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// needsEscape reports whether r is a control, a line or paragraph
// separator or a bidirectional control.
func needsEscape(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 0x20 || r == 0x7f
	}
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)
}

// escapeRune is the visible escape of one rune that needsEscape.
func escapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
