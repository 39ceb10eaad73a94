package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
)

// writeLintBenchFiles writes into dir the inputs of the whole-process lint
// benchmark: md.cache, the cache of metadata.Synthetic(1000, 200, 1), and
// q.czql, 20 statements over its names, two of them with a misspelt field
// so that suggestions are computed too.
func writeLintBenchFiles(tb testing.TB, dir string) {
	tb.Helper()
	md := metadata.Synthetic(1000, 200, 1)
	f, err := os.Create(filepath.Join(dir, "md.cache"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := md.WriteCache(f); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	ents := md.Entities()
	for i := range 20 {
		e := ents[i*len(ents)/20]
		var fields []string
		for _, fd := range e.Fields {
			if fd.Type == metadata.String && len(fields) < 4 {
				fields = append(fields, fd.Name)
			}
		}
		if i%10 == 9 {
			fields[1] = fields[1][:len(fields[1])-1] // a typo
		}
		fmt.Fprintf(&b, "SELECT %s\nFROM %s\nWHERE %s = 'x' AND Name LIKE 'A%%'\nORDER BY Name\nLIMIT 50;\n\n",
			strings.Join(fields, ", "), e.TypeName, fields[0])
	}
	if err := os.WriteFile(filepath.Join(dir, "q.czql"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteLintBenchFiles writes the benchmark inputs to the directory in
// CZQL_LINT_BENCH_DIR, for timing the binary with hyperfine (see
// BENCHMARKS.md); without it the test is skipped.
func TestWriteLintBenchFiles(t *testing.T) {
	dir := os.Getenv("CZQL_LINT_BENCH_DIR")
	if dir == "" {
		t.Skip("CZQL_LINT_BENCH_DIR not set")
	}
	writeLintBenchFiles(t, dir)
}

// BenchmarkLintProcess times a whole `czql lint` process: a 20-statement
// file against a 1,000-entity, 200-field metadata cache.
func BenchmarkLintProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "czql")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/czql").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	writeLintBenchFiles(b, dir)
	args := []string{"lint", "--metadata", filepath.Join(dir, "md.cache"), filepath.Join(dir, "q.czql")}
	b.ResetTimer()
	for b.Loop() {
		err := exec.Command(bin, args...).Run()
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != ExitErrors) {
			b.Fatal(err)
		}
	}
}
