package lexer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/internal/golden"
)

// TestGolden lexes the in.czql section of each testdata/golden archive and
// compares the token dump ("tokens") and the diagnostics ("diags").
// Rewrite them with go test ./lexer -update.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/golden/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		src, ok := golden.Section(a, "in.czql")
		if !ok {
			t.Fatal("no in.czql section")
		}
		return map[string]string{"tokens": dumpTokens(src), "diags": dumpDiags(src)}
	})
}

// dumpTokens renders every token of src on its own line: range, kind and
// quoted text.
func dumpTokens(src string) string {
	var b strings.Builder
	s := NewScanner(src)
	for {
		k := s.Next()
		fmt.Fprintf(&b, "%-11s %-8s %q\n", s.Range(k), KindName(k.Kind), k.Value)
		if k.Kind == EOF {
			return b.String()
		}
	}
}

// dumpDiags renders the diagnostics of src, one per line.
func dumpDiags(src string) string {
	var b strings.Builder
	for _, d := range Scan(src).Diags {
		fmt.Fprintf(&b, "%s %s[%s]: %s\n", d.Range, d.Severity, d.Code, d.Message)
	}
	return b.String()
}

// TestReferenceQueries checks that every reference query of the repository
// lexes without diagnostics and that its tokens cover all but whitespace.
func TestReferenceQueries(t *testing.T) {
	files, err := filepath.Glob("../testdata/reference/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no reference queries: %v", err)
	}
	for _, f := range files {
		for _, q := range referenceQueries(t, f) {
			r := Scan(q)
			if len(r.Diags) > 0 {
				t.Errorf("%s: %v", f, r.Diags)
			}
			checkTokens(t, q)
		}
	}
}
