package lexer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/czql/czql/diag"
)

// Scanner scans one source text into tokens; the zero value is not usable.
// Token values are substrings of the source, so scanning does not allocate
// per token. A Scanner is not safe for concurrent use.
type Scanner struct {
	src   string
	off   int             // offset of the next unread byte
	lines *diag.LineTable // the line starts of src, made on first use

	tokStart int // the token being scanned, for diagnostics inside it

	diags diag.List
}

// NewScanner returns a Scanner for src. Token positions are byte offsets;
// [Scanner.Pos] and [Scanner.Range] turn them into lines and columns.
func NewScanner(src string) *Scanner {
	s := &Scanner{src: src}
	if strings.HasPrefix(src, "\uFEFF") { // a byte order mark is not part of the text
		s.off = len("\uFEFF")
	}
	return s
}

// Diagnostics returns the lexical diagnostics found so far, in the order
// they were found.
func (s *Scanner) Diagnostics() diag.List { return s.diags }

// Next returns the next token, including [Comment] and [Invalid] tokens,
// which the parser never sees but a highlighter needs. At the end of the
// source it returns an [EOF] token, and does so again on every later call.
func (s *Scanner) Next() Token {
	s.skipSpace()
	s.tokStart = s.off
	if s.off >= len(s.src) {
		return s.emit(EOF, s.off)
	}
	kind, end := s.scan()
	return s.emit(kind, end)
}

// emit returns the token src[tokStart:end] and moves past it.
func (s *Scanner) emit(kind Kind, end int) Token {
	s.off = end
	return Token{Kind: kind, Value: s.src[s.tokStart:end], Start: s.tokStart}
}

// Pos returns the position of byte offset off in the source.
func (s *Scanner) Pos(off int) diag.Pos { return s.Lines().Pos(off) }

// Range returns the range of a token the scanner returned.
func (s *Scanner) Range(t Token) diag.Range { return rangeIn(s.Lines(), t) }

// Lines returns the line table of the source. It is made on the first
// call, in one pass over the text, so that scanning alone never allocates.
func (s *Scanner) Lines() *diag.LineTable {
	if s.lines == nil {
		s.lines = diag.NewLineTableOf(s.src)
	}
	return s.lines
}

// skipSpace moves past spaces, tabs, form feeds and line breaks. Only LF
// starts a line, so CRLF counts once and a lone CR is plain space, as in
// [diag.Source]; a lone CR still ends a line comment.
func (s *Scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\r', '\f':
		case '\n':
		default:
			return
		}
		s.off++
	}
}

// scan scans the token at s.off, which is not at the end, and returns its
// kind and end offset.
func (s *Scanner) scan() (Kind, int) {
	i := s.off
	c := s.src[i]
	switch {
	case isLetterASCII(c) || c == '_':
		end := s.identEnd(i)
		return classify(s.src[i:end]), end
	case isDigit(c):
		return s.scanNumberOrDate(i)
	case c >= utf8.RuneSelf:
		return s.scanNonASCII(i)
	}
	switch c {
	case '(', ')', ',', ';':
		return Punct, i + 1
	case '.':
		if isDigit(s.byteAt(i + 1)) {
			return s.scanNumber(i)
		}
		return Punct, i + 1
	case '\'', '"':
		return s.scanString(i)
	case '-':
		return s.scanMinus(i)
	case '/':
		if s.byteAt(i+1) == '*' {
			return s.scanBlockComment(i)
		}
	case '=', '<', '>', '!':
		return s.scanOperator(i)
	case '@':
		return s.scanPrefixed(i, AtIdent, "'@' must be followed by a name")
	case ':':
		return s.scanPrefixed(i, Param, "':' must be followed by a parameter name")
	case 0:
		end := i + 1
		for end < len(s.src) && s.src[end] == 0 {
			end++
		}
		s.errorf(CodeInvalidChar, i, end, "unexpected NUL byte")
		return Invalid, end
	case '*':
		s.errorf(CodeInvalidChar, i, i+1, msgStar)
		return Invalid, i + 1
	case '&', '|':
		return s.scanLogicMark(i)
	}
	s.errorf(CodeInvalidChar, i, i+1, "unexpected character %s", describe(rune(c)))
	return Invalid, i + 1
}

// scanLogicMark scans '&&', '||' or a single '&' or '|', which people used
// to C-like languages write for AND and OR.
func (s *Scanner) scanLogicMark(i int) (Kind, int) {
	c, end := s.src[i], i+1
	if s.byteAt(end) == c {
		end++
	}
	word := "AND"
	if c == '|' {
		word = "OR"
	}
	s.errorf(CodeInvalidChar, i, end, "unexpected %q: write %s to join conditions", s.src[i:end], word)
	return Invalid, end
}

// scanOperator scans a comparison operator at i, taking the longest of
// = <> != < > <= >=. A '!' without '=' is invalid.
func (s *Scanner) scanOperator(i int) (Kind, int) {
	c, d := s.src[i], s.byteAt(i+1)
	switch {
	case d == '=' && c != '=', c == '<' && d == '>':
		return Operator, i + 2
	case c == '!':
		s.errorf(CodeInvalidChar, i, i+1, "unexpected character '!': write <> for not equal, NOT to negate")
		return Invalid, i + 1
	}
	return Operator, i + 1
}

// scanNonASCII scans a token that starts with a byte of 0x80 or more: a
// name that starts with a non-ASCII letter, a stray character, or bytes
// that are not UTF-8.
func (s *Scanner) scanNonASCII(i int) (Kind, int) {
	r, size := utf8.DecodeRuneInString(s.src[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		end := s.badUTF8End(i)
		s.errorf(CodeInvalidUTF8, i, end, "invalid UTF-8 encoding")
		return Invalid, end
	case unicode.IsLetter(r):
		return Ident, s.identEnd(i) // keywords are ASCII
	}
	s.errorf(CodeInvalidChar, i, i+size, "unexpected character %s", describe(r))
	return Invalid, i + size
}

// scanMinus scans a token that starts with '-': a line comment, a negative
// number or a stray minus.
func (s *Scanner) scanMinus(i int) (Kind, int) {
	switch d := s.byteAt(i + 1); {
	case d == '-':
		end := len(s.src)
		if nl := strings.IndexAny(s.src[i:], "\r\n"); nl >= 0 {
			end = i + nl // at LF, CRLF or a lone CR, as old Mac files end lines
		}
		return Comment, end
	case isDigit(d):
		return s.scanNumber(i)
	}
	s.errorf(CodeInvalidChar, i, i+1, "unexpected character '-': a negative number is written -12")
	return Invalid, i + 1
}

// scanBlockComment scans a /* … */ comment starting at i. Block comments
// do not nest.
func (s *Scanner) scanBlockComment(i int) (Kind, int) {
	if n := strings.Index(s.src[i+2:], "*/"); n >= 0 {
		return Comment, i + 2 + n + 2
	}
	s.errorf(CodeUnterminatedComment, i, i+2, "comment not terminated: missing */")
	return Comment, len(s.src)
}

// scanPrefixed scans '@' or ':' followed by a name, giving kind; without a
// name the prefix alone is an Invalid token reported with msg.
func (s *Scanner) scanPrefixed(i int, kind Kind, msg string) (Kind, int) {
	if s.isNameStart(i + 1) {
		return kind, s.identEnd(i + 1)
	}
	s.errorf(CodeInvalidChar, i, i+1, "%s", msg)
	return Invalid, i + 1
}

// isNameStart reports whether a name starts at offset i.
func (s *Scanner) isNameStart(i int) bool {
	if i >= len(s.src) {
		return false
	}
	if c := s.src[i]; c < utf8.RuneSelf {
		return isLetterASCII(c) || c == '_'
	}
	r, _ := utf8.DecodeRuneInString(s.src[i:])
	return unicode.IsLetter(r)
}

// identEnd returns the end of the name that starts at i: letters, digits,
// underscores and combining marks, ASCII or not.
func (s *Scanner) identEnd(i int) int {
	for i < len(s.src) {
		c := s.src[i]
		if c < utf8.RuneSelf {
			if !isLetterASCII(c) && !isDigit(c) && c != '_' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s.src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			return i // includes utf8.RuneError
		}
		i += size
	}
	return i
}

// badUTF8End returns the end of the run of invalid UTF-8 bytes at i.
func (s *Scanner) badUTF8End(i int) int {
	for i < len(s.src) {
		r, size := utf8.DecodeRuneInString(s.src[i:])
		if r != utf8.RuneError || size != 1 {
			break
		}
		i++
	}
	return i
}

// byteAt returns src[i], or 0 past the end. Callers that treat 0 as a
// character check the length themselves.
func (s *Scanner) byteAt(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

func isLetterASCII(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Source returns the text being scanned.
func (s *Scanner) Source() string { return s.src }
