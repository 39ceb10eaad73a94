package validate_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
	"github.com/rogpeppe/go-internal/txtar"
)

// benchQueries parses the reference queries and the invalid corpus.
func benchQueries(b *testing.B) []*ast.Query {
	b.Helper()
	var out []*ast.Query
	add := func(src string) {
		f, _ := parser.ParseFile("bench.czql", []byte(src))
		if f != nil {
			out = append(out, f.Queries...)
		}
	}
	files, _ := filepath.Glob("../testdata/reference/*.txtar")
	more, _ := filepath.Glob("testdata/invalid/*.txtar")
	for _, file := range append(files, more...) {
		a, err := txtar.ParseFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if src, ok := golden.Section(a, "in.czql"); ok {
			add(src)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".czql") {
				add(string(f.Data))
			}
		}
	}
	return out
}

// runCheck checks every query b.N times over and reports queries/s.
func runCheck(b *testing.B, md *metadata.Metadata, qs []*ast.Query) {
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, q := range qs {
			validate.Check(q, md)
		}
	}
	b.ReportMetric(float64(b.N*len(qs))/b.Elapsed().Seconds(), "queries/s")
}

// BenchmarkCheck checks the reference queries and the invalid corpus
// against the fixture.
func BenchmarkCheck(b *testing.B) {
	runCheck(b, fixture(b), benchQueries(b))
}

// BenchmarkCheckSynthetic checks generated queries against a large
// synthetic metadata set: 1000 entities of 200 fields.
func BenchmarkCheckSynthetic(b *testing.B) {
	md := metadata.Synthetic(1000, 200, 1)
	var qs []*ast.Query
	for i, e := range md.Entities() {
		if i%50 != 0 {
			continue
		}
		names := e.FieldNames()
		src := fmt.Sprintf("SELECT %s, %s, Nope FROM %s WHERE %s = NULL ORDER BY %s LIMIT 10",
			names[0], names[len(names)/2], e.TypeName, names[1], names[2])
		q, _ := parser.ParseQuery("bench.czql", []byte(src))
		qs = append(qs, q)
	}
	runCheck(b, md, qs)
}
