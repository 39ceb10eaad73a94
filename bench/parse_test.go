package bench

import (
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// translateOpts gives every bind parameter of the corpus a value, as the
// CLI's -p flags would.
var translateOpts = func() *translate.Options {
	params, err := translate.ParseParams([]string{
		"fromDate=2024-01-01", "toDate=2024-12-31",
		"owner='/User/e22ca960-73bb-4cf6-b6e8-b638ed0ab1fd'",
		"state='Active'", "minPct=50",
	})
	if err != nil {
		panic(err)
	}
	return &translate.Options{Params: params}
}()

// parseCZQL returns a parseAll for [parser.ParseQuery] over srcs.
func parseCZQL(srcs [][]byte) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			if _, diags := parser.ParseQuery("bench.czql", s); len(diags) != 0 {
				b.Fatal(diags)
			}
		}
	}
}

// parseTranslateCZQL returns a parseAll that parses srcs with
// [parser.ParseQuery] and translates each query with [translate.Query].
func parseTranslateCZQL(srcs [][]byte) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			q, diags := parser.ParseQuery("bench.czql", s)
			if len(diags) != 0 {
				b.Fatal(diags)
			}
			if _, diags := translate.Query(q, translateOpts); len(diags) != 0 {
				b.Fatal(diags)
			}
		}
	}
}

// TestCZQLParses checks that the czql parser accepts every CZQL rendering
// without any diagnostic, and that the tree has the generated number of
// predicates.
func TestCZQLParses(t *testing.T) {
	for i, q := range corpus {
		tree, diags := parser.ParseQuery("bench.czql", []byte(q.CZQL))
		if len(diags) != 0 {
			t.Errorf("query %d (%v): %v\n%s", i, q.Class, diags, q.CZQL)
			continue
		}
		if tree.Where == nil {
			t.Errorf("query %d: no WHERE clause\n%s", i, q.CZQL)
			continue
		}
		if got := countPreds(tree.Where.Cond); got != q.Preds {
			t.Errorf("query %d: parser finds %d predicates, generator wrote %d\n%s", i, got, q.Preds, q.CZQL)
		}
	}
}

// TestCZQLTranslates checks that every query translates without
// diagnostics.
func TestCZQLTranslates(t *testing.T) {
	for i, q := range corpus {
		tree, diags := parser.ParseQuery("bench.czql", []byte(q.CZQL))
		if len(diags) != 0 {
			continue // TestCZQLParses reports it
		}
		if _, diags := translate.Query(tree, translateOpts); len(diags) != 0 {
			t.Errorf("query %d (%v): %v\n%s", i, q.Class, diags, q.CZQL)
		}
	}
}

// countPreds counts the predicates (leaves) of a WHERE condition.
func countPreds(e ast.Expr) int {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return countPreds(e.X) + countPreds(e.Y)
	case *ast.NotExpr:
		return countPreds(e.X)
	case *ast.ParenExpr:
		return countPreds(e.X)
	}
	return 1
}
