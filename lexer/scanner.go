package lexer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
)

// Scanner scans one source text into tokens; the zero value is not usable.
// Token values are substrings of the source, so scanning does not allocate
// per token. A Scanner is not safe for concurrent use.
type Scanner struct {
	filename string
	src      string
	off      int // offset of the next unread byte
	line     int // line of off
	lineOff  int // offset of the first byte of line

	// The token being scanned, for diagnostics inside it.
	tokStart, tokLine, tokCol int

	diags diag.List
}

// NewScanner returns a Scanner for src. The filename goes into every token
// position; it may be empty.
func NewScanner(filename, src string) *Scanner {
	s := &Scanner{filename: filename, src: src, line: 1}
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
func (s *Scanner) Next() plexer.Token {
	s.skipSpace()
	s.tokStart, s.tokLine, s.tokCol = s.off, s.line, s.off-s.lineOff+1
	if s.off >= len(s.src) {
		return s.emit(EOF, s.off)
	}
	kind, end := s.scan()
	return s.emit(kind, end)
}

// emit returns the token src[tokStart:end] and moves past it.
func (s *Scanner) emit(kind Kind, end int) plexer.Token {
	v := s.src[s.tokStart:end]
	s.off = end
	if nl := strings.LastIndexByte(v, '\n'); nl >= 0 {
		s.line += strings.Count(v, "\n")
		s.lineOff = s.tokStart + nl + 1
	}
	return plexer.Token{Type: kind, Value: v, Pos: plexer.Position{
		Filename: s.filename, Offset: s.tokStart, Line: s.tokLine, Column: s.tokCol,
	}}
}

// skipSpace moves past spaces, tabs, form feeds and line breaks. Only LF
// starts a line, so CRLF counts once and a lone CR is plain space, as in
// [diag.Source].
func (s *Scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\r', '\f':
		case '\n':
			s.line++
			s.lineOff = s.off + 1
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
	}
	s.errorf(CodeInvalidChar, i, i+1, "unexpected character %s", describe(rune(c)))
	return Invalid, i + 1
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
		if nl := strings.IndexByte(s.src[i:], '\n'); nl >= 0 {
			end = i + nl
		}
		if end > i && s.src[end-1] == '\r' {
			end--
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
