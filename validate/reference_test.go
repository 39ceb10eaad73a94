package validate_test

import (
	"path/filepath"
	"testing"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/golden"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestReferenceQueriesLintClean checks that the real-world queries of
// czql-reference.md §8 (testdata/reference) whose entities the fixture
// describes produce nothing above info.
func TestReferenceQueriesLintClean(t *testing.T) {
	md := fixture(t)
	files, _ := filepath.Glob("../testdata/reference/*.txtar")
	if len(files) == 0 {
		t.Fatal("no reference queries")
	}
	checked := 0
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src, ok := golden.Section(a, "in.czql")
		if !ok {
			continue
		}
		out, ds := lint(t, md, src)
		if hasEntityErrors(ds) {
			continue // an entity the fixture does not describe
		}
		checked++
		for _, d := range ds {
			if d.Severity > diag.Info {
				t.Errorf("%s: want only infos, got:\n%s", file, out)
				break
			}
		}
	}
	if checked < len(files)/2 {
		t.Errorf("only %d of %d reference queries use fixture entities", checked, len(files))
	}
}

// hasEntityErrors reports whether ds holds an unknown-entity error.
func hasEntityErrors(ds diag.List) bool {
	for _, d := range ds {
		if d.Code == "unknown-entity" {
			return true
		}
	}
	return false
}
