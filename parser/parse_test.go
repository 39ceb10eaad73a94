package parser

import (
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
)

// TestParseGolden parses the `in.czql` section of each archive under
// testdata/parse and compares the tree, with ranges, and the diagnostics.
func TestParseGolden(t *testing.T) {
	golden.Run(t, "testdata/parse/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		src, ok := golden.Section(a, "in.czql")
		if !ok {
			t.Fatal("no in.czql section")
		}
		f, ds := ParseFile("in.czql", []byte(src))
		return map[string]string{"ast": ast.Sprint(f, true), "diag": formatDiags(ds)}
	})
}
