package parser

import (
	"strings"
	"testing"
)

// benchQueries are a small, a medium and a large query, in the shape of
// the project's benchmark corpus.
var benchQueries = []struct{ name, src string }{
	{"small", "SELECT Name, State, DueDate FROM Task WHERE State = 'Active'"},
	{"medium", "SELECT Name, @State, DueDate, Manager.Name, PercentCompleted, Work FROM Task " +
		"WHERE (State = 'Active' OR State = 'Draft') AND DueDate < 2024-05-01 AND Manager.Name LIKE 'S%' " +
		"ORDER BY DueDate DESC LIMIT 50"},
	{"large", largeQuery()},
}

func largeQuery() string {
	var b strings.Builder
	b.WriteString("SELECT ")
	for i := range 20 {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("Field" + string(rune('A'+i)) + ".Name")
	}
	b.WriteString(" FROM WorkItem WHERE ((a = 1 AND NOT (b <> 'x' OR c IN ('p', 'q', 'r'))) OR (d >= 2024-01-01 AND e <= 2024-12-31T17:00:00Z))" +
		" AND (f LIKE '%x%' OR g IS NULL OR h IS NOT NULL) AND NOT (i = :p AND j > 10.5) AND k IN (SELECT Id FROM Project WHERE m = TRUE)" +
		" AND n <> FALSE AND o != 3 AND p < -4 ORDER BY a DESC, b ASC, c LIMIT 100 OFFSET 200")
	return b.String()
}

// BenchmarkParse measures ParseQuery on each size of query.
func BenchmarkParse(b *testing.B) {
	for _, q := range benchQueries {
		src := []byte(q.src)
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, ds := ParseQuery("bench", src); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkParseError measures statements with a syntax error near their
// end, which participle parses again for the partial tree.
func BenchmarkParseError(b *testing.B) {
	for _, q := range benchQueries {
		src := []byte(q.src + " AND")
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, ds := ParseQuery("bench", src); !ds.HasErrors() {
					b.Fatal("no error")
				}
			}
		})
	}
}
