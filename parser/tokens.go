package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/lexer"
)

// isPunct reports whether t is the punctuation mark s.
func isPunct(t plexer.Token, s string) bool { return t.Type == lexer.Punct && t.Value == s }

// isWord reports whether t is the keyword w (upper case), reserved or not,
// in any case.
func isWord(t plexer.Token, w string) bool {
	return (t.Type == lexer.Reserved || t.Type == lexer.Keyword) && len(t.Value) == len(w) && strings.EqualFold(t.Value, w)
}

// isAnyWord reports whether t is one of the keywords ws.
func isAnyWord(t plexer.Token, ws ...string) bool {
	for _, w := range ws {
		if isWord(t, w) {
			return true
		}
	}
	return false
}

// isNameToken reports whether t can be a name: an identifier, an
// @-escaped name or a soft keyword.
func isNameToken(t plexer.Token) bool {
	return t.Type == lexer.Ident || t.Type == lexer.AtIdent || t.Type == lexer.Keyword
}

// isLiteralToken reports whether t is a literal: a string, a number, a
// date, a parameter, TRUE, FALSE or NULL.
func isLiteralToken(t plexer.Token) bool {
	switch t.Type {
	case lexer.String, lexer.Number, lexer.Date, lexer.Param:
		return true
	}
	return isAnyWord(t, "TRUE", "FALSE", "NULL")
}

// isAggregate reports whether t names an aggregate function.
func isAggregate(t plexer.Token) bool {
	return t.Type == lexer.Keyword && isAnyWord(t, "COUNT", "SUM", "AVG", "MIN", "MAX")
}

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

// describe names the token t for a "found …" message: its kind in words
// and its text quoted. semi tells whether an EOF token stands for the ';'
// that ends the statement.
func describe(t plexer.Token, semi bool) string {
	switch t.Type {
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
func display(t plexer.Token) string {
	switch t.Type {
	case lexer.Reserved, lexer.Keyword:
		return strings.ToUpper(t.Value)
	case lexer.Operator, lexer.Punct:
		return "'" + t.Value + "'"
	case lexer.Ident, lexer.AtIdent:
		return fmt.Sprintf("%q", shorten(t.Value))
	}
	return shorten(t.Value)
}

// upper returns the text of t in upper case, as keywords are shown.
func upper(t plexer.Token) string { return strings.ToUpper(t.Value) }
