package lexer

import (
	plexer "github.com/alecthomas/participle/v2/lexer"
)

// Kind is the kind of a token. Its values are participle token types, so a
// [plexer.Token]'s Type is a Kind.
type Kind = plexer.TokenType

// The token kinds. Comment and Invalid never reach the parser: comments are
// kept as trivia and invalid input becomes a diagnostic.
const (
	EOF      Kind = plexer.EOF // end of input
	Ident    Kind = -2 - iota  // Name, C_Field, SYSID
	AtIdent                    // @Name: a name escaped with @; Value includes the @
	Reserved                   // SELECT FROM WHERE AND OR NOT: never a bare name
	Keyword                    // the other keywords (GROUP, ORDER, LIMIT, COUNT, NULL, …): names where unambiguous
	String                     // 'x' or "x"; Value is the raw text with quotes
	Number                     // 12, -3, 4.50; Value as written
	Date                       // 2024-01-31 or 2024-01-31T17:00:00[.fff][Z|±hh:mm], unquoted
	Param                      // :name; Value includes the colon
	Operator                   // = <> != < > <= >=
	Punct                      // ( ) , . ;
	Comment                    // -- line or /* block */; trivia
	Invalid                    // bytes that form no token; reported as a diagnostic
)

// kindNames are the symbol names participle's grammar and EBNF use.
var kindNames = map[string]Kind{
	"EOF": EOF, "Ident": Ident, "AtIdent": AtIdent, "Reserved": Reserved,
	"Keyword": Keyword, "String": String, "Number": Number, "Date": Date,
	"Param": Param, "Operator": Operator, "Punct": Punct, "Comment": Comment,
	"Invalid": Invalid,
}

// KindName returns the symbol name of k, such as "Ident".
func KindName(k Kind) string {
	for name, kk := range kindNames {
		if kk == k {
			return name
		}
	}
	return "Unknown"
}

// reservedWords can never be bare names: they delimit clauses and
// conditions. Write `@From` for a field called From.
var reservedWords = []string{"SELECT", "FROM", "WHERE", "AND", "OR", "NOT"}

// softKeywords are keywords that are also accepted as bare names wherever
// the grammar position makes it unambiguous (entity and relation names,
// the first segment of a field, aliases, later path segments).
var softKeywords = []string{
	"GROUP", "BY", "ORDER", "ASC", "DESC", "LIMIT", "OFFSET", "AS", "IN",
	"LIKE", "IS", "NULL", "TRUE", "FALSE", "COUNT", "SUM", "AVG", "MIN", "MAX",
	"BETWEEN", "HAVING",
}

// Keywords returns every keyword in upper case, reserved words first.
func Keywords() []string {
	return append(append([]string(nil), reservedWords...), softKeywords...)
}

// IsReserved reports whether name, in any case, is a reserved word.
func IsReserved(name string) bool { return inFold(reservedWords, name) }

// IsKeyword reports whether name, in any case, is a keyword, reserved or
// not. The formatter writes such field names with `@`.
func IsKeyword(name string) bool { return IsReserved(name) || inFold(softKeywords, name) }

func inFold(words []string, s string) bool {
	if len(s) < 2 || len(s) > 7 {
		return false
	}
	for _, w := range words {
		if equalFoldASCII(w, s) {
			return true
		}
	}
	return false
}

// equalFoldASCII reports whether a and b are equal under ASCII case folding
// only, so that "ſelect" (with a long s) is not SELECT. It never allocates.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lowerASCII(a[i]) != lowerASCII(b[i]) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// classify returns the kind of the identifier-like word w: [Reserved],
// [Keyword] or [Ident]. It never allocates.
func classify(w string) Kind {
	if len(w) < 2 || len(w) > 7 || lowerASCII(w[0]) < 'a' || lowerASCII(w[0]) > 'z' {
		return Ident
	}
	for _, e := range keywordIndex[lowerASCII(w[0])-'a'] {
		if equalFoldASCII(e.word, w) {
			return e.kind
		}
	}
	return Ident
}

// keywordIndex holds the keywords by the lower-case ASCII letter they
// start with, so classify compares a word with a few keywords at most.
var keywordIndex = func() (idx [26][]keywordEntry) {
	for _, w := range reservedWords {
		idx[lowerASCII(w[0])-'a'] = append(idx[lowerASCII(w[0])-'a'], keywordEntry{w, Reserved})
	}
	for _, w := range softKeywords {
		idx[lowerASCII(w[0])-'a'] = append(idx[lowerASCII(w[0])-'a'], keywordEntry{w, Keyword})
	}
	return idx
}()

type keywordEntry struct {
	word string
	kind Kind
}

// IsName reports whether s is lexed as exactly one name (an [Ident], or a
// [Keyword] or [Reserved] word): a letter or '_', then letters, digits, '_'
// and combining marks. Printers use it to refuse names no source can hold.
func IsName(s string) bool {
	sc := Scanner{src: s}
	return sc.isNameStart(0) && sc.identEnd(0) == len(s)
}
