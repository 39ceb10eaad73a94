package ptytest

import "strings"

// The bytes that start and end escape sequences.
const (
	esc = 0x1b
	bel = 0x07
)

// Strip returns s without terminal escape sequences and carriage returns:
// CSI sequences (ESC [ … final byte), OSC, DCS, SOS, PM and APC strings
// (ESC ] … BEL or ESC \), and the other escape sequences (ESC, optional
// intermediate bytes, final byte, such as ESC 7 or ESC ( B). A sequence cut
// off at the end of s is dropped, so the stripped text of a growing stream
// only ever grows at its end.
func Strip(s string) string {
	if strings.IndexByte(s, esc) < 0 && strings.IndexByte(s, '\r') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch s[i] {
		case esc:
			i = skipEscape(s, i)
		case '\r':
			i++
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// skipEscape returns the offset just past the escape sequence that starts
// at s[i] (an ESC), or len(s) if it is cut off.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		return skipCSI(s, i+2)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+2)
	}
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f { // intermediate bytes
		j++
	}
	return min(j+1, len(s)) // the final byte
}

// skipCSI returns the offset past the final byte (0x40–0x7E) of a control
// sequence whose parameters start at s[i].
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	}
	return len(s)
}

// skipString returns the offset past the terminator (BEL or ESC \) of a
// control string whose text starts at s[i].
func skipString(s string, i int) int {
	for ; i < len(s); i++ {
		switch {
		case s[i] == bel:
			return i + 1
		case s[i] == esc && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		}
	}
	return len(s)
}
