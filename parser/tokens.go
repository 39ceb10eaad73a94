package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/lexer"
)

// isLiteralToken reports whether t is a literal: a string, a number, a
// date, a parameter, TRUE, FALSE or NULL.
func isLiteralToken(t lexer.Token) bool {
	switch t.Kind {
	case lexer.String, lexer.Number, lexer.Date, lexer.Param:
		return true
	}
	return t.Kind == lexer.Keyword && (t.IsWord("TRUE") || t.IsWord("FALSE") || t.IsWord("NULL"))
}

// isAggregate reports whether t names an aggregate function.
func isAggregate(t lexer.Token) bool { return t.Kind == lexer.Keyword && lexer.IsAggregate(t.Value) }

// maxShown is the longest token text quoted in a message, in bytes.
const maxShown = 40

// shorten returns s, cut to about maxShown bytes on a rune boundary.
func shorten(s string) string {
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// quote double-quotes s, shortened, for a message.
func quote(s string) string { return `"` + shorten(s) + `"` }

// describe names the token t for a "found …" message: its kind in words
// and its text quoted. semi tells whether an EOF token stands for the ';'
// that ends the statement.
func describe(t lexer.Token, semi bool) string {
	switch t.Kind {
	case lexer.EOF:
		if semi {
			return "';'"
		}
		return "end of input"
	case lexer.Ident, lexer.AtIdent:
		return fmt.Sprintf("name %q", shorten(t.Value))
	case lexer.Reserved, lexer.Keyword:
		return "keyword " + strings.ToUpper(t.Value)
	case lexer.String:
		return "string literal " + shorten(t.Value)
	case lexer.Number:
		return fmt.Sprintf("number %q", shorten(t.Value))
	case lexer.Date:
		return fmt.Sprintf("date %q", shorten(t.Value))
	case lexer.Param:
		return fmt.Sprintf("parameter %q", shorten(t.Value))
	case lexer.Operator, lexer.Punct:
		return "'" + t.Value + "'"
	}
	return fmt.Sprintf("%q", shorten(t.Value))
}

// display writes the token t as a message names it when something is
// missing after it: keywords in upper case, marks in single quotes.
func display(t lexer.Token) string {
	switch t.Kind {
	case lexer.Reserved, lexer.Keyword:
		return strings.ToUpper(t.Value)
	case lexer.Operator, lexer.Punct:
		return "'" + t.Value + "'"
	case lexer.Ident, lexer.AtIdent:
		return quote(t.Value)
	}
	return shorten(t.Value)
}

// upper returns the text of t in upper case, as keywords are shown.
func upper(t lexer.Token) string { return strings.ToUpper(t.Value) }
