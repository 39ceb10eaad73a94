package format

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/parser"
)

// TestWidth checks that the computed width of every node of the golden
// and reference inputs is the length of the node printed without a column
// limit, which the layout relies on.
func TestWidth(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	refs, _ := filepath.Glob("../testdata/reference/*.txtar")
	for _, file := range append(files, refs...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := golden.Section(txtar.Parse(data), "in.czql")
		f, diags := parser.ParseFile(file, []byte(in))
		if diags.HasErrors() {
			t.Fatalf("%s: %v", file, diags)
		}
		for _, q := range f.Queries {
			for n := range ast.Preorder(q) {
				checkWidth(t, file, n)
			}
		}
	}
	for _, n := range []ast.Node{
		&ast.InExpr{X: fld("a"), Not: true, List: []ast.Literal{num("1"), str("ü")}},
		&ast.NotExpr{X: and(cmp("a", ast.Eq, num("1")), cmp("b", ast.Eq, num("2")))},
		and(cmp("a", ast.Eq, num("1")), or(cmp("b", ast.Eq, num("2")), cmp("c", ast.Eq, num("3")))),
		&ast.AggregateExpr{Func: ast.Count, Arg: fld("Or"), Alias: id("Not")},
	} {
		checkWidth(t, "hand-built", n)
	}
}

func checkWidth(t *testing.T, file string, n ast.Node) {
	t.Helper()
	p := newPrinter(nil)
	p.limit = math.MaxInt / 2
	p.node(n)
	got := p.width(n)
	want := utf8.RuneCount(p.buf)
	if strings.Contains(string(p.buf), "\n") || got != want {
		t.Errorf("%s: width(%T) = %d, printed %q (%d)", file, n, got, p.buf, want)
	}
}
