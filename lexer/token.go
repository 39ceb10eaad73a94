package lexer

import "github.com/czql/czql/diag"

// Kind is the kind of a token.
type Kind uint8

// The token kinds. Comment and Invalid never reach the parser: comments are
// kept as trivia and invalid input becomes a diagnostic.
const (
	EOF      Kind = iota // end of input
	Ident                // Name, C_Field, SYSID
	AtIdent              // @Name: a name escaped with @; Value includes the @
	Reserved             // SELECT FROM WHERE AND OR NOT: never a bare name
	Keyword              // the other keywords (GROUP, ORDER, LIMIT, COUNT, NULL, …): names where unambiguous
	String               // 'x' or "x"; Value is the raw text with quotes
	Number               // 12, -3, 4.50; Value as written
	Date                 // 2024-01-31 or 2024-01-31T17:00:00[.fff][Z|±hh:mm], unquoted
	Param                // :name; Value includes the colon
	Operator             // = <> != < > <= >=
	Punct                // ( ) , . ;
	Comment              // -- line or /* block */; trivia
	Invalid              // bytes that form no token; reported as a diagnostic
	numKinds
)

// kindNames are the names of the kinds, which the grammar's EBNF uses too.
var kindNames = [numKinds]string{
	EOF: "EOF", Ident: "Ident", AtIdent: "AtIdent", Reserved: "Reserved",
	Keyword: "Keyword", String: "String", Number: "Number", Date: "Date",
	Param: "Param", Operator: "Operator", Punct: "Punct", Comment: "Comment",
	Invalid: "Invalid",
}

// String returns the name of k, such as "Ident".
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "Unknown"
}

// KindName returns the name of k, such as "Ident".
func KindName(k Kind) string { return k.String() }

// Kinds returns every kind by name, as a grammar's symbol table needs them.
func Kinds() map[string]Kind {
	m := make(map[string]Kind, numKinds)
	for k, name := range kindNames {
		m[name] = Kind(k)
	}
	return m
}

// Token is one token: its kind, its text and where that text starts. Value
// is a substring of the source, so a token costs no allocation; it holds no
// file name and no line, which a [diag.LineTable] gives when a position is
// needed ([Scanner.Range], [Result.Range]).
type Token struct {
	Value string // the source text: a String keeps its quotes, a Param its colon
	Start int    // byte offset of the first byte in the source
	Kind  Kind
}

// End returns the byte offset just past the token.
func (t Token) End() int { return t.Start + len(t.Value) }

// IsWord reports whether t is the keyword w (given in upper case), reserved
// or not, written in any case.
func (t Token) IsWord(w string) bool {
	return (t.Kind == Reserved || t.Kind == Keyword) && equalFoldASCII(t.Value, w)
}

// IsPunct reports whether t is the punctuation mark p.
func (t Token) IsPunct(p string) bool { return t.Kind == Punct && t.Value == p }

// IsName reports whether t can stand for a name on its own: an identifier,
// an @-escaped name or a soft keyword. Reserved words are names only after
// a '.' in a path.
func (t Token) IsName() bool { return t.Kind == Ident || t.Kind == AtIdent || t.Kind == Keyword }

// Name returns the name t stands for: its text without the `@` escape.
func (t Token) Name() string {
	if t.Kind == AtIdent {
		return t.Value[1:]
	}
	return t.Value
}

// rangeIn returns the range of t in the text whose lines are lines.
func rangeIn(lines *diag.LineTable, t Token) diag.Range { return lines.Range(t.Start, t.End()) }
