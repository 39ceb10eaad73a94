package lexer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// typical is a representative query: every kind of token, no diagnostics.
const typical = `SELECT @Name, TrackStatus.Name, ProjectManager.Name, PercentCompleted,
       (SELECT Name FROM Resources) -- the team
FROM Project
WHERE ParentProject = "/Project/5r4db1jbd0biqmx59gobn5o6s681"
  AND State IN ('Active', 'Draft') AND DueDate >= 2024-01-31T17:00:00Z
  AND PercentCompleted > -0.5 AND StartDate > :since /* bound later */
ORDER BY DueDate DESC LIMIT 100 OFFSET 0;
`

func TestScannerDoesNotAllocatePerToken(t *testing.T) {
	scanN := func(src string) func() {
		return func() {
			s := NewScanner(src)
			for s.Next().Kind != EOF {
			}
		}
	}
	once := testing.AllocsPerRun(50, scanN(typical))
	many := testing.AllocsPerRun(50, scanN(strings.Repeat(typical, 50)))
	if once > 1 || many != once {
		t.Errorf("scanning allocates: %v for one query, %v for fifty", once, many)
	}
}

func TestScanAllocations(t *testing.T) {
	// The Result, its token slice, the comment slice's growth and the line
	// table: not one per token.
	if n := testing.AllocsPerRun(50, func() { Scan(typical) }); n > 7 {
		t.Errorf("Scan allocated %v times", n)
	}
}

func BenchmarkScan(b *testing.B) {
	src := referenceCorpus(b) + strings.Repeat(typical, 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		s := NewScanner(src)
		for s.Next().Kind != EOF {
		}
	}
}

func BenchmarkScanResult(b *testing.B) {
	src := referenceCorpus(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Scan(src)
	}
}

// referenceCorpus returns the reference queries of the repository joined
// into one source, each ended by ';'.
func referenceCorpus(tb testing.TB) string {
	tb.Helper()
	files, err := filepath.Glob("../testdata/reference/*.txtar")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no reference queries: %v", err)
	}
	var b strings.Builder
	for _, f := range files {
		for _, q := range referenceQueries(tb, f) {
			b.WriteString(q)
			b.WriteString(";\n")
		}
	}
	return b.String()
}

// referenceQueries returns the in.czql sections of the archive file.
func referenceQueries(tb testing.TB, file string) []string {
	a, err := txtar.ParseFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var qs []string
	for _, f := range a.Files {
		if f.Name == "in.czql" {
			qs = append(qs, string(f.Data))
		}
	}
	return qs
}
