package ast_test

import (
	"slices"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
)

// ReplaceParams visits the parameters of comparisons, LIKE patterns, IN
// lists, LIMIT and OFFSET, of sub-queries too; a list may grow in an IN
// list, and nil keeps a parameter.
func TestReplaceParams(t *testing.T) {
	src := "SELECT Name FROM Task WHERE Priority = :a AND Name LIKE :b AND State IN (:c, 'Draft') " +
		"AND Project IN (SELECT Name FROM Project WHERE Priority > :d) AND Work = :keep LIMIT :e OFFSET :f"
	q, diags := parser.ParseQuery("q", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var seen []string
	ast.ReplaceParams(q, func(p *ast.ParamRef, inList bool) []ast.Literal {
		seen = append(seen, p.Name)
		switch {
		case p.Name == "keep":
			return nil
		case inList:
			return []ast.Literal{&ast.StringLit{Value: "Active"}, &ast.StringLit{Value: "On Hold"}}
		}
		return []ast.Literal{&ast.NumberLit{Raw: "1"}}
	})
	slices.Sort(seen)
	if want := []string{"a", "b", "c", "d", "e", "f", "keep"}; !slices.Equal(seen, want) {
		t.Errorf("visited %v, want %v", seen, want)
	}
	var left []string
	var inLen int
	ast.Inspect(q, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ParamRef:
			left = append(left, n.Name)
		case *ast.InExpr:
			if n.Query == nil {
				inLen = len(n.List)
			}
		}
		return true
	})
	if !slices.Equal(left, []string{"keep"}) || inLen != 3 {
		t.Errorf("parameters left %v (want [keep]), IN list of %d (want 3)", left, inLen)
	}
}
