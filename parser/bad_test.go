package parser

import (
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/internal/golden"
)

// TestBadInputs parses every `NAME.czql` section of the archives under
// testdata/bad, the bad-input corpus, and compares all its diagnostics
// with the `NAME.diag` section: the first line is the first error, with
// its position, code and message. Every input but the empty one must give
// an error.
func TestBadInputs(t *testing.T) {
	cases := 0
	golden.Run(t, "testdata/bad/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		out := map[string]string{}
		for _, f := range a.Files {
			name, ok := strings.CutSuffix(f.Name, ".czql")
			if !ok {
				continue
			}
			cases++
			_, ds := ParseFile(f.Name, f.Data)
			if !ds.HasErrors() && name != "empty" {
				t.Errorf("%s: no error for bad input %q", name, f.Data)
			}
			out[name+".diag"] = formatDiags(ds)
		}
		return out
	})
	if cases < 70 {
		t.Errorf("the bad-input corpus has %d cases, want at least 70", cases)
	}
}
