package validate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestInvalidCorpus checks the invalid queries of testdata/invalid: each
// NAME.czql section must produce exactly the diagnostics listed in
// NAME.want, one `code line:col` per line, and at least one of them.
func TestInvalidCorpus(t *testing.T) {
	md := fixture(t)
	covered := map[string]bool{}
	golden.Run(t, "testdata/invalid/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		out := map[string]string{}
		for _, f := range a.Files {
			name, ok := strings.CutSuffix(f.Name, ".czql")
			if !ok {
				continue
			}
			_, ds := lint(t, md, string(f.Data))
			var b strings.Builder
			for _, d := range ds {
				fmt.Fprintf(&b, "%s %d:%d\n", d.Code, d.Range.Start.Line, d.Range.Start.Col)
				covered[d.Code] = true
			}
			if len(ds) == 0 {
				t.Errorf("%s: no diagnostics for an invalid query", name)
			}
			out[name+".want"] = b.String()
		}
		return out
	})
	for _, r := range validate.DefaultRules() {
		if !covered[r.Name] {
			t.Errorf("rule %s has no case in testdata/invalid", r.Name)
		}
	}
}

// TestInvalidCorpusSize asserts the corpus holds at least 80 queries.
func TestInvalidCorpusSize(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.txtar")
	n := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		n += strings.Count(string(data), ".czql --")
	}
	if n < 80 {
		t.Errorf("invalid corpus has %d queries, want at least 80", n)
	}
}
