package parser

import (
	"fmt"

	"github.com/alecthomas/participle/v2"
	plexer "github.com/alecthomas/participle/v2/lexer"
)

// runParser runs participle over the tokens of one statement, which end
// with an EOF token, and returns the concrete tree, partial on error.
// Lexing happened once, in lexer.Scan: participle only replays the tokens.
// A panic inside participle, which would be a bug, becomes an error at the
// start of the statement rather than a crash.
func runParser[G any](p *participle.Parser[G], toks []plexer.Token) (cst *G, perr participle.Error) {
	defer func() {
		if r := recover(); r != nil {
			cst, perr = nil, &participle.ParseError{Msg: fmt.Sprint("internal parser error: ", r), Pos: toks[0].Pos}
		}
	}()
	peek, err := plexer.Upgrade(&replay{toks: toks})
	if err == nil {
		cst, err = p.ParseFromLexer(peek)
	}
	if err == nil {
		return cst, nil
	}
	if pe, ok := err.(participle.Error); ok {
		return cst, pe
	}
	return cst, &participle.ParseError{Msg: err.Error(), Pos: toks[0].Pos}
}

// replay is a participle lexer over a token slice that ends with EOF.
type replay struct {
	toks []plexer.Token
	i    int
}

// Next returns the next token, and the final EOF token forever after.
func (r *replay) Next() (plexer.Token, error) {
	t := r.toks[r.i]
	if r.i < len(r.toks)-1 {
		r.i++
	}
	return t, nil
}
