package grammar

import (
	"io"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// definition is czql's lexer as participle's lexer.Definition; it also
// implements lexer.StringDefinition and lexer.BytesDefinition. Its symbols
// are the kind names of package lexer ("Ident", "Reserved", …), which the
// grammar's tags and the EBNF use. Its lexers drop Comment and Invalid
// tokens and fail with a [*lexError] on the first error-severity lexical
// diagnostic.
type definition struct{}

var (
	_ plexer.Definition       = definition{}
	_ plexer.StringDefinition = definition{}
	_ plexer.BytesDefinition  = definition{}
)

// tokenType returns the participle token type of a kind: participle's EOF
// (-1) for lexer.EOF, and a distinct type below it for every other kind.
func tokenType(k lexer.Kind) plexer.TokenType {
	if k == lexer.EOF {
		return plexer.EOF
	}
	return plexer.TokenType(-2 - int(k))
}

// kindOf is the inverse of tokenType.
func kindOf(t plexer.TokenType) lexer.Kind {
	if t == plexer.EOF {
		return lexer.EOF
	}
	return lexer.Kind(-2 - int(t))
}

// Symbols returns the kind names with their token types.
func (definition) Symbols() map[string]plexer.TokenType {
	kinds := lexer.Kinds()
	m := make(map[string]plexer.TokenType, len(kinds))
	for name, k := range kinds {
		m[name] = tokenType(k)
	}
	return m
}

// Lex lexes everything r holds.
func (d definition) Lex(filename string, r io.Reader) (plexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

// LexString lexes src.
func (definition) LexString(filename, src string) (plexer.Lexer, error) {
	return &streamLexer{s: lexer.NewScanner(src), filename: filename}, nil
}

// LexBytes lexes src.
func (d definition) LexBytes(filename string, src []byte) (plexer.Lexer, error) {
	return d.LexString(filename, string(src))
}

// streamLexer adapts a lexer.Scanner to participle's Lexer interface.
type streamLexer struct {
	s        *lexer.Scanner
	filename string
	seen     int // diagnostics already checked
}

// Next returns the next token that is neither a comment nor invalid, or
// the first lexical error.
func (l *streamLexer) Next() (plexer.Token, error) {
	for {
		t := l.s.Next()
		ds := l.s.Diagnostics()
		for ; l.seen < len(ds); l.seen++ {
			if ds[l.seen].Severity == diag.Error {
				return plexer.Token{}, &lexError{diagnostic: ds[l.seen], filename: l.filename}
			}
		}
		if t.Kind != lexer.Comment && t.Kind != lexer.Invalid {
			return l.token(t), nil
		}
	}
}

// token converts a czql token into a participle token.
func (l *streamLexer) token(t lexer.Token) plexer.Token {
	p := l.s.Pos(t.Start)
	return plexer.Token{
		Type:  tokenType(t.Kind),
		Value: t.Value,
		Pos:   plexer.Position{Filename: l.filename, Offset: p.Offset, Line: p.Line, Column: p.Col},
	}
}

// lexError is the error of a lexer of definition for a lexical error. It
// implements participle's Error interface and keeps the diagnostic.
type lexError struct {
	diagnostic diag.Diagnostic
	filename   string
}

// Message returns the diagnostic's message.
func (e *lexError) Message() string { return e.diagnostic.Message }

// Position returns the start of the diagnostic's range.
func (e *lexError) Position() plexer.Position {
	p := e.diagnostic.Range.Start
	return plexer.Position{Filename: e.filename, Offset: p.Offset, Line: p.Line, Column: p.Col}
}

// Error formats e as participle does: "file:line:col: message".
func (e *lexError) Error() string {
	return (&plexer.Error{Msg: e.Message(), Pos: e.Position()}).Error()
}
