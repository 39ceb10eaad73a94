package golden

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// Update is set by the -update flag: golden files are rewritten instead of
// compared.
var Update = flag.Bool("update", false, "rewrite golden files with the current output")

// Func computes the output sections of one archive: a map from section name
// to content. Sections it returns are compared with (or, under -update,
// written to) the archive; sections it does not return are left alone.
type Func func(t *testing.T, a *txtar.Archive) map[string]string

// Run runs f as a subtest for each file matching pattern (a filepath.Glob
// pattern such as "testdata/*.txtar"). It fails when nothing matches.
func Run(t *testing.T, pattern string, f Func) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("golden: no files match %s (err %v)", pattern, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		t.Run(name, func(t *testing.T) { runFile(t, file, f) })
	}
}

func runFile(t *testing.T, file string, f Func) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	got := f(t, a)
	if *Update {
		write(t, file, a, got)
		return
	}
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want, ok := Section(a, name)
		if !ok {
			t.Errorf("%s: section %q missing; run go test -update", file, name)
			continue
		}
		if d := Diff(withNewline(want), withNewline(got[name])); d != "" {
			t.Errorf("%s: section %q mismatch (-want +got):\n%s", file, name, d)
		}
	}
}

// Section returns the content of the named section of a.
func Section(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

func write(t *testing.T, file string, a *txtar.Archive, got map[string]string) {
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	sort.Strings(names) // new sections are appended in a stable order
	for _, name := range names {
		data := withNewline(got[name])
		found := false
		for i := range a.Files {
			if a.Files[i].Name == name {
				a.Files[i].Data = []byte(data)
				found = true
			}
		}
		if !found {
			a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(data)})
		}
	}
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// withNewline adds a final newline to a non-empty s that lacks one, as
// txtar stores sections with one.
func withNewline(s string) string {
	if s != "" && !strings.HasSuffix(s, "\n") {
		return s + "\n"
	}
	return s
}

// Diff returns a line diff of want and got with "- " and "+ " prefixes, or ""
// when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(want, got)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var out strings.Builder
	for _, d := range diffs {
		prefix := "  "
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			prefix = "- "
		case diffmatchpatch.DiffInsert:
			prefix = "+ "
		}
		for _, line := range strings.SplitAfter(d.Text, "\n") {
			if line != "" {
				out.WriteString(prefix + strings.TrimSuffix(line, "\n") + "\n")
			}
		}
	}
	return out.String()
}
