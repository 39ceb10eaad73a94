package format

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/parser"
)

// benchInput returns the golden inputs joined into one file.
func benchInput(b *testing.B) []byte {
	files, _ := filepath.Glob("testdata/*.txtar")
	var sb strings.Builder
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		in, _ := golden.Section(txtar.Parse(data), "in.czql")
		sb.WriteString(in)
		sb.WriteString("\n;\n")
	}
	return []byte(sb.String())
}

// BenchmarkFormat measures printing a parsed file of about forty
// statements with comments; BenchmarkSource adds the parsing.
func BenchmarkFormat(b *testing.B) {
	src := benchInput(b)
	f, diags := parser.ParseFile("bench.czql", src)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if err := File(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSource(b *testing.B) {
	src := benchInput(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Source("bench.czql", src); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
