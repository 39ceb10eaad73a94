package bench

import (
	"testing"

	"github.com/czql/czql/lexer"
)

// lexCZQL returns a parseAll that lexes srcs with [lexer.Scan], as the
// parser does: tokens collected into a slice, comments set aside.
func lexCZQL(srcs []string) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			if r := lexer.Scan("bench.czql", s); len(r.Diags) != 0 {
				b.Fatal(r.Diags)
			}
		}
	}
}

// nextCZQL returns a parseAll that only pulls tokens from a
// [lexer.Scanner], the counterpart of sqlparser's Tokenizer.Scan loop.
func nextCZQL(srcs []string) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			sc := lexer.NewScanner("bench.czql", s)
			for sc.Next().Type != lexer.EOF {
			}
		}
	}
}

// TestCZQLTokenCount checks that the czql lexer reads exactly the tokens
// the generator wrote (end of input excluded), without diagnostics, so both
// parsers see the same number of tokens.
func TestCZQLTokenCount(t *testing.T) {
	for i, q := range corpus {
		r := lexer.Scan("bench.czql", q.CZQL)
		if len(r.Diags) != 0 {
			t.Errorf("query %d: %v\n%s", i, r.Diags, q.CZQL)
		}
		if got := len(r.Tokens) - 1; got != q.Tokens {
			t.Errorf("query %d: lexer reads %d tokens, generator wrote %d\n%s", i, got, q.Tokens, q.CZQL)
		}
	}
}
