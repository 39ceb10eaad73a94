package format

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/internal/golden"
)

// TestGolden formats the in.czql section of each testdata archive and
// compares the result with its out.czql section; every case also goes
// through the round-trip checks.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		in, ok := golden.Section(a, "in.czql")
		if !ok {
			t.Fatal("no in.czql section")
		}
		out := checkFormat(t, "in.czql", []byte(in))
		return map[string]string{"out.czql": string(out)}
	})
}

// TestReference checks the round-trip guarantees on the project's
// reference queries.
func TestReference(t *testing.T) {
	files, err := filepath.Glob("../testdata/reference/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no reference queries (err %v)", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in, ok := golden.Section(a, "in.czql")
			if !ok {
				t.Fatal("no in.czql section")
			}
			checkFormat(t, file, []byte(in))
		})
	}
}
