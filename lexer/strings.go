package lexer

import (
	"strings"
	"unicode/utf8"
)

// scanString scans a string quoted with src[i]. A quote is escaped by
// doubling it or by a backslash; a backslash also escapes a backslash. The
// string ends at its closing quote, or, unterminated, at the end of the line.
func (s *Scanner) scanString(i int) (Kind, int) {
	q := s.src[i]
	firstEsc := -1
	j := i + 1
	for j < len(s.src) {
		switch c := s.src[j]; {
		case c == q && s.byteAt(j+1) != q:
			s.reportEscape(firstEsc)
			return String, j + 1
		case c == q || c == '\\' && isEscaped(s.byteAt(j+1)):
			if firstEsc < 0 {
				firstEsc = j
			}
			j += 2
		case c == '\n':
			return s.unterminated(i, j, firstEsc)
		case c == 0:
			end := j + 1
			for end < len(s.src) && s.src[end] == 0 {
				end++
			}
			s.errorf(CodeInvalidChar, j, end, "unexpected NUL byte in string")
			j = end
		case c >= utf8.RuneSelf:
			j = s.checkRune(j)
		default:
			j++
		}
	}
	return s.unterminated(i, j, firstEsc)
}

// unterminated reports the string that starts at i and runs to the end of
// its line at eol, and returns it as a String token without the line break.
func (s *Scanner) unterminated(i, eol, firstEsc int) (Kind, int) {
	if eol > i+1 && s.src[eol-1] == '\r' && eol < len(s.src) {
		eol--
	}
	s.errorf(CodeUnterminatedString, i, eol, "string not terminated: missing closing quote")
	s.reportEscape(firstEsc)
	return String, eol
}

// reportEscape reports the first escape sequence of a string, at offset
// esc, unless esc is negative.
func (s *Scanner) reportEscape(esc int) {
	if esc >= 0 {
		s.info(CodeStringEscape, esc, esc+2, msgEscape)
	}
}

// checkRune moves past the non-ASCII rune at j, reporting a run of bytes
// that are not UTF-8.
func (s *Scanner) checkRune(j int) int {
	r, size := utf8.DecodeRuneInString(s.src[j:])
	if r != utf8.RuneError || size != 1 {
		return j + size
	}
	end := s.badUTF8End(j)
	s.errorf(CodeInvalidUTF8, j, end, "invalid UTF-8 encoding in string")
	return end
}

// isEscaped reports whether a backslash before c is an escape. Before any
// other character a backslash is itself: 'C:\temp' is C:\temp.
func isEscaped(c byte) bool { return c == '\\' || c == '\'' || c == '"' }

// Unquote returns the value of the raw String token text raw: the text
// between its quotes with escapes resolved. A quote written twice, or
// after a backslash, stands for itself, and two backslashes stand for one;
// any other backslash is literal. Unquote allocates only when raw holds an
// escape. ok is false when raw is not a terminated string; the value is
// then the best reading of the text after the opening quote.
func Unquote(raw string) (value string, ok bool) {
	if raw == "" || raw[0] != '\'' && raw[0] != '"' {
		return raw, false
	}
	q := raw[0]
	body := raw[1:]
	if i := escapeOrEnd(body, q); i >= 0 && body[i] == q && (i+1 == len(body) || body[i+1] != q) {
		return body[:i], i+1 == len(body)
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == q && i+1 < len(body) && body[i+1] == q,
			c == '\\' && i+1 < len(body) && isEscaped(body[i+1]):
			i++
			c = body[i]
		case c == q:
			return b.String(), i+1 == len(body)
		}
		b.WriteByte(c)
	}
	return b.String(), false
}

// escapeOrEnd returns the index of the first quote q or escaping backslash
// in body, or -1.
func escapeOrEnd(body string, q byte) int {
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == q:
			return i
		case c == '\\' && i+1 < len(body) && isEscaped(body[i+1]):
			return i
		}
	}
	return -1
}
