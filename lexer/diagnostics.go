package lexer

import (
	"fmt"

	"github.com/czql/czql/diag"
)

// The codes of the lexical diagnostics. They are stable: tools and
// suppression comments rely on them.
const (
	CodeInvalidChar         = "invalid-char"         // a byte or character that starts no token
	CodeInvalidUTF8         = "invalid-utf8"         // bytes that are not UTF-8
	CodeInvalidNumber       = "invalid-number"       // 1., .5, 12abc
	CodeInvalidDate         = "invalid-date"         // a date not written YYYY-MM-DD
	CodeUnterminatedString  = "unterminated-string"  // a string without its closing quote on the line
	CodeUnterminatedComment = "unterminated-comment" // a /* comment without */
	CodeStringEscape        = "string-escape"        // a string with an escape sequence (info)
	CodeTooManyErrors       = "too-many-errors"      // the diagnostic budget (MaxDiagnostics) is spent
)

// msgStar explains why '*' is rejected: it is the most common stray
// character, written by people used to SQL.
const msgStar = "'*' is not supported: CZQL has no SELECT *; list the fields you need"

// msgEscape is the message of [CodeStringEscape].
const msgEscape = "escape sequences in CZQL strings are not documented; the server may read this string differently"

// MaxDiagnostics is the number of lexical diagnostics a Scanner reports
// before it gives up reporting: past it, one [CodeTooManyErrors] diagnostic
// is added and the rest of the input is scanned silently, so that binary or
// random input costs time linear in its size and no more.
const MaxDiagnostics = 100

// full reports whether the diagnostic budget is spent, adding the final
// too-many-errors diagnostic the first time.
func (s *Scanner) full(start int) bool {
	switch {
	case len(s.diags) < MaxDiagnostics:
		return false
	case len(s.diags) == MaxDiagnostics:
		s.diags = append(s.diags, diag.Errorf(CodeTooManyErrors, s.rangeOf(start, start),
			"too many lexical errors; the rest of the input is not checked"))
	}
	return true
}

// errorf records an error-severity diagnostic spanning src[start:end].
func (s *Scanner) errorf(code string, start, end int, format string, args ...any) {
	if s.full(start) {
		return
	}
	s.diags = append(s.diags, diag.Errorf(code, s.rangeOf(start, end), format, args...))
}

// info records an info-severity diagnostic spanning src[start:end].
func (s *Scanner) info(code string, start, end int, msg string) {
	if s.full(start) {
		return
	}
	s.diags = append(s.diags, diag.Diagnostic{
		Severity: diag.Info, Code: code, Message: msg, Range: s.rangeOf(start, end),
	})
}

// rangeOf returns the range of src[start:end].
func (s *Scanner) rangeOf(start, end int) diag.Range { return s.Lines().Range(start, end) }

// describe quotes the rune r for a message: '*', 'é', '\x01'.
func describe(r rune) string { return fmt.Sprintf("%q", r) }
