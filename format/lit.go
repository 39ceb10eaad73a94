package format

import (
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// Literal returns the canonical text of l: a quoted string (see [Quote]),
// a number or date as written, TRUE, FALSE, NULL or `:name`. A nil literal
// gives "".
func Literal(l ast.Literal) string {
	s, _ := literalText(l)
	return s
}

// literalText returns the canonical text of l and whether l can be read
// back as the same literal.
func literalText(l ast.Literal) (string, bool) {
	switch l := l.(type) {
	case *ast.StringLit:
		if l == nil {
			return "", false
		}
		return Quote(l.Value), validString(l.Value)
	case *ast.NumberLit:
		if l == nil {
			return "", false
		}
		return l.Raw, validNumber(l.Raw)
	case *ast.DateLit:
		if l == nil {
			return "", false
		}
		return l.Raw, validDate(l.Raw)
	case *ast.BoolLit:
		if l == nil {
			return "", false
		}
		if l.Value {
			return "TRUE", true
		}
		return "FALSE", true
	case *ast.NullLit:
		return "NULL", l != nil
	case *ast.ParamRef:
		if l == nil {
			return "", false
		}
		return ":" + l.Name, lexer.IsName(l.Name)
	}
	return "", false
}

// Quote returns value as a CZQL string literal. It uses single quotes,
// double quotes when value holds a ' but no ", and otherwise single quotes
// with each ' doubled. A backslash is doubled when it comes before a quote,
// another backslash or the end of the value, the places where the lexer
// would read it as an escape; any other backslash stands for itself.
func Quote(value string) string {
	q := byte('\'')
	if strings.IndexByte(value, '\'') >= 0 && strings.IndexByte(value, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.Grow(len(value) + 2)
	b.WriteByte(q)
	for i := 0; i < len(value); i++ {
		c := value[i]
		switch {
		case c == q:
			b.WriteByte(q)
		case c == '\\' && (i+1 == len(value) || isEscapable(value[i+1])):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte(q)
	return b.String()
}

// isEscapable reports whether a backslash before c would be an escape.
func isEscapable(c byte) bool { return c == '\\' || c == '\'' || c == '"' }

// validString reports whether a string literal can hold value: the lexer
// ends a string at a line break and rejects NUL bytes and invalid UTF-8.
func validString(value string) bool {
	return utf8.ValidString(value) && !strings.ContainsAny(value, "\n\x00")
}

// validNumber reports whether raw reads back as one number: an optional
// '-', digits, and an optional '.' followed by digits.
func validNumber(raw string) bool {
	raw = strings.TrimPrefix(raw, "-")
	intPart, frac, hasFrac := strings.Cut(raw, ".")
	return allDigits(intPart) && (!hasFrac || allDigits(frac))
}

// validDate reports whether raw reads back as one date: YYYY-MM-DD with an
// optional time THH:MM[:SS[.fraction]][Z|±HH:MM].
func validDate(raw string) bool {
	if len(raw) < 10 || !datePart(raw[:10]) {
		return false
	}
	rest := raw[10:]
	if rest == "" {
		return true
	}
	if len(rest) < 6 || rest[0] != 'T' || !clock(rest[1:6]) {
		return false
	}
	rest = rest[6:]
	if len(rest) >= 3 && rest[0] == ':' && allDigits(rest[1:3]) {
		rest = rest[3:]
		if len(rest) >= 2 && rest[0] == '.' {
			n := 1
			for n < len(rest) && isDigit(rest[n]) {
				n++
			}
			rest = rest[n:]
		}
	}
	switch {
	case rest == "" || rest == "Z":
		return true
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-'):
		return clock(rest[1:])
	}
	return false
}

// datePart reports whether s is YYYY-MM-DD in digits.
func datePart(s string) bool {
	return allDigits(s[:4]) && s[4] == '-' && allDigits(s[5:7]) && s[7] == '-' && allDigits(s[8:])
}

// clock reports whether s is HH:MM in digits.
func clock(s string) bool { return len(s) == 5 && allDigits(s[:2]) && s[2] == ':' && allDigits(s[3:]) }

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nameText returns the text of a name, with `@` when the bare name would be
// read as a keyword: any keyword if keywords is set (the first segment of a
// field), otherwise only a reserved word.
func nameText(name string, keywords bool) string {
	if keywords && lexer.IsKeyword(name) || lexer.IsReserved(name) {
		return "@" + name
	}
	return name
}
