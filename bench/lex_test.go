package bench

import (
	"testing"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// lexCZQL returns a parseAll that lexes srcs with [lexer.Scan], as the
// parser does: tokens collected into a slice, comments set aside.
func lexCZQL(srcs []string) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			if r := lexer.Scan(s); len(r.Diags) != 0 {
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
			sc := lexer.NewScanner(s)
			for sc.Next().Kind != lexer.EOF {
			}
		}
	}
}

// czqlTokens counts the tokens [lexer.Scan] reads from src, end of input
// excluded, and returns them with the lexical diagnostics.
func czqlTokens(src string) (int, diag.List) {
	r := lexer.Scan(src)
	return len(r.Tokens) - 1, r.Diags
}

// TestCZQLTokenCount checks that the czql lexer reads exactly the tokens
// the generator wrote (end of input excluded), without diagnostics, so both
// parsers see the same number of tokens.
func TestCZQLTokenCount(t *testing.T) {
	for i, q := range corpus {
		got, diags := czqlTokens(q.CZQL)
		if len(diags) != 0 {
			t.Errorf("query %d: %v\n%s", i, diags, q.CZQL)
		}
		if got != q.Tokens {
			t.Errorf("query %d: lexer reads %d tokens, generator wrote %d\n%s", i, got, q.Tokens, q.CZQL)
		}
	}
}
