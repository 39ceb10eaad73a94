package lexer

import (
	"io"
	"maps"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
)

// Result is a whole source lexed for the parser.
type Result struct {
	Tokens   []plexer.Token // the tokens without Comment and Invalid ones; ends with one EOF token
	Comments []plexer.Token // the Comment tokens, in source order
	Diags    diag.List      // the lexical diagnostics, sorted by position
}

// Scan lexes all of src. Comments go to Result.Comments, invalid input
// only to Result.Diags.
func Scan(filename, src string) *Result {
	s := NewScanner(filename, src)
	r := &Result{Tokens: make([]plexer.Token, 0, len(src)/5+1)}
	for {
		t := s.Next()
		switch t.Type {
		case Comment:
			r.Comments = append(r.Comments, t)
		case Invalid:
		default:
			r.Tokens = append(r.Tokens, t)
		}
		if t.Type == EOF {
			break
		}
	}
	r.Diags = s.Diagnostics()
	r.Diags.Sort()
	return r
}

// Lexer returns a participle lexer that replays r.Tokens, for
// participle.Parser.ParseFromLexer after plexer.Upgrade. It never returns
// an error: the caller has r.Diags.
func (r *Result) Lexer() plexer.Lexer { return &replay{tokens: r.Tokens} }

type replay struct {
	tokens []plexer.Token
	i      int
}

func (l *replay) Next() (plexer.Token, error) {
	if l.i >= len(l.tokens) {
		if n := len(l.tokens); n > 0 {
			return l.tokens[n-1], nil // the EOF token
		}
		return plexer.EOFToken(plexer.Position{Line: 1, Column: 1}), nil
	}
	l.i++
	return l.tokens[l.i-1], nil
}

// Definition is the CZQL lexer as participle's lexer.Definition; it also
// implements lexer.StringDefinition and lexer.BytesDefinition. Its lexers
// drop Comment and Invalid tokens and fail with an [*Error] on the first
// error-severity lexical diagnostic. Symbols returns the kind names, such
// as "Ident" and "Reserved".
var Definition plexer.Definition = definition{}

type definition struct{}

var (
	_ plexer.StringDefinition = definition{}
	_ plexer.BytesDefinition  = definition{}
)

func (definition) Symbols() map[string]plexer.TokenType { return maps.Clone(kindNames) }

func (d definition) Lex(filename string, r io.Reader) (plexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return d.LexString(filename, string(b))
}

func (definition) LexString(filename, src string) (plexer.Lexer, error) {
	return &streamLexer{s: NewScanner(filename, src)}, nil
}

func (d definition) LexBytes(filename string, src []byte) (plexer.Lexer, error) {
	return d.LexString(filename, string(src))
}

// streamLexer adapts a Scanner to participle's Lexer interface.
type streamLexer struct {
	s    *Scanner
	seen int // diagnostics already checked
}

func (l *streamLexer) Next() (plexer.Token, error) {
	for {
		t := l.s.Next()
		ds := l.s.Diagnostics()
		for ; l.seen < len(ds); l.seen++ {
			if ds[l.seen].Severity == diag.Error {
				return plexer.Token{}, &Error{Diagnostic: ds[l.seen], Filename: l.s.filename}
			}
		}
		if t.Type != Comment && t.Type != Invalid {
			return t, nil
		}
	}
}

// Error is the error that [Definition]'s lexers return for a lexical
// error. It implements participle's Error interface, and keeps the
// diagnostic with its code and range.
type Error struct {
	Diagnostic diag.Diagnostic
	Filename   string
}

// Message returns the diagnostic's message.
func (e *Error) Message() string { return e.Diagnostic.Message }

// Position returns the start of the diagnostic's range.
func (e *Error) Position() plexer.Position {
	p := e.Diagnostic.Range.Start
	return plexer.Position{Filename: e.Filename, Offset: p.Offset, Line: p.Line, Column: p.Col}
}

// Error formats e as participle does: "file:line:col: message".
func (e *Error) Error() string { return (&plexer.Error{Msg: e.Message(), Pos: e.Position()}).Error() }
