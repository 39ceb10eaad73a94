package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/lexer"
)

// checkFast checks that the fast path and participle agree on src: each
// statement, and the whole input read as a bare condition, is accepted by
// both or by neither, and when accepted gives the same concrete tree.
func checkFast(t testing.TB, src []byte) {
	t.Helper()
	res := lexer.Scan("in.czql", string(src))
	cond := append([]plexer.Token(nil), res.Tokens...)
	for _, st := range splitStatements(res.Tokens, res.Diags) {
		if _, skip := checkBrackets(st.toks); skip {
			continue
		}
		fq, _ := fastQuery(st.toks)
		pq, err := runParser(queryParser, st.toks)
		compareTrees(t, "statement", st.toks, fq, pq, err)
	}
	if _, skip := checkBrackets(cond); !skip && len(cond) > 1 {
		fc, _ := fastCondition(cond)
		pc, err := runParser(conditionParser, cond)
		compareTrees(t, "condition", cond, fc, pc, err)
	}
}

func compareTrees[T any](t testing.TB, what string, toks []plexer.Token, fast, slow *T, err error) {
	t.Helper()
	text := tokensText(toks)
	switch {
	case fast == nil && err == nil:
		t.Errorf("%s %q: the fast path rejects what participle parses", what, text)
	case fast != nil && err != nil:
		t.Errorf("%s %q: the fast path accepts what participle rejects: %v", what, text, err)
	case fast != nil && !reflect.DeepEqual(fast, slow):
		t.Errorf("%s %q: the fast path and participle build different trees", what, text)
	}
}

func tokensText(toks []plexer.Token) string {
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		parts = append(parts, t.Value)
	}
	return strings.Join(parts, " ")
}

// corpus returns every input of the package's test data: the golden and
// bad inputs, the fuzz seeds and the project's reference queries.
func corpus(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	for _, pattern := range []string{"testdata/parse/*.txtar", "testdata/bad/*.txtar", "../testdata/reference/*.txtar"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".czql") {
					out = append(out, f.Data)
				}
			}
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzParseFile/*")
	for _, file := range seeds {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if src, ok := seedInput(b); ok {
			out = append(out, src)
		}
	}
	if len(out) < 100 {
		t.Fatalf("corpus has %d inputs", len(out))
	}
	return out
}

// TestFastMatchesParticiple runs checkFast on the whole test corpus.
func TestFastMatchesParticiple(t *testing.T) {
	for _, src := range corpus(t) {
		checkFast(t, src)
	}
}

// TestFastMatchesParticipleMutations runs checkFast on near misses of the
// corpus: each input with one token dropped, doubled, or swapped with the
// next, which reaches most of the grammar's error paths.
func TestFastMatchesParticipleMutations(t *testing.T) {
	n := 0
	for _, src := range corpus(t) {
		toks := lexer.Scan("", string(src)).Tokens
		toks = toks[:len(toks)-1]
		if len(toks) > 60 {
			continue
		}
		for i := range toks {
			for _, m := range mutations(toks, i) {
				checkFast(t, []byte(m))
				n++
			}
		}
	}
	t.Logf("%d mutations", n)
}

// mutations returns the token list joined with token i dropped, doubled
// and swapped with the next token.
func mutations(toks []plexer.Token, i int) []string {
	words := func(ts []plexer.Token) string {
		parts := make([]string, len(ts))
		for k, t := range ts {
			parts[k] = t.Value
		}
		return strings.Join(parts, " ")
	}
	drop := append(append([]plexer.Token(nil), toks[:i]...), toks[i+1:]...)
	double := append(append([]plexer.Token(nil), toks[:i+1]...), toks[i:]...)
	out := []string{words(drop), words(double)}
	if i+1 < len(toks) {
		swap := append([]plexer.Token(nil), toks...)
		swap[i], swap[i+1] = swap[i+1], swap[i]
		out = append(out, words(swap))
	}
	return out
}
