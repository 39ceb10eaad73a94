package bench

import (
	"testing"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// czqlErrorsOf returns the CZQL texts with a syntax error of qs.
func czqlErrorsOf(qs []Query) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.CZQLError
	}
	return out
}

// parseCZQLErrors returns a parseAll for [parser.ParseQuery] over srcs,
// every one of which must yield an error.
func parseCZQLErrors(srcs [][]byte) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			if _, diags := parser.ParseQuery("bench.czql", s); !diags.HasErrors() {
				b.Fatalf("no error for\n%s", s)
			}
		}
	}
}

// TestCZQLErrors checks the error variants: each is lexically clean, has
// one token less (a dropped comma) or one more (a doubled operator) than
// the valid query, is within three bytes of its size, and makes
// [parser.ParseQuery] report a syntax error.
func TestCZQLErrors(t *testing.T) {
	kinds := map[ErrorKind]int{}
	diagCounts := map[int]int{}
	for i, q := range corpus {
		kinds[q.ErrorKind]++
		want := q.Tokens - 1
		if q.ErrorKind == DoubledOperator {
			want = q.Tokens + 1
		}
		got, lexDiags := czqlTokens(q.CZQLError)
		if len(lexDiags) != 0 {
			t.Errorf("query %d (%v): lexical diagnostics %v\n%s", i, q.ErrorKind, lexDiags, q.CZQLError)
		}
		if got != want {
			t.Errorf("query %d (%v): lexer reads %d tokens, want %d\n%s", i, q.ErrorKind, got, want, q.CZQLError)
		}
		if d := len(q.CZQLError) - len(q.CZQL); d < -3 || d > 3 {
			t.Errorf("query %d (%v): %d bytes, the valid query %d\n%s", i, q.ErrorKind, len(q.CZQLError), len(q.CZQL), q.CZQLError)
		}
		_, diags := parser.ParseQuery("bench.czql", []byte(q.CZQLError))
		errs := 0
		syntax := false
		for _, d := range diags {
			if d.Severity == diag.Error {
				errs++
				syntax = syntax || d.Code == parser.CodeSyntax
			}
		}
		diagCounts[errs]++
		if !syntax {
			t.Errorf("query %d (%v): no %q error, diagnostics %v\n%s", i, q.ErrorKind, parser.CodeSyntax, diags, q.CZQLError)
		}
	}
	for _, k := range []ErrorKind{MissingComma, DoubledOperator} {
		if kinds[k] == 0 {
			t.Errorf("no query has a %v error", k)
		}
	}
	t.Logf("error kinds %v; queries by number of error diagnostics %v", kinds, diagCounts)
}
