package format_test

import (
	"fmt"
	"os"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/format"
)

func ExampleQuery() {
	q := &ast.Query{
		Select: &ast.SelectClause{Items: []ast.SelectItem{
			&ast.FieldRef{Segments: []*ast.Ident{{Name: "Name"}}},
			&ast.FieldRef{Segments: []*ast.Ident{{Name: "Order"}}},
		}},
		From: &ast.FromClause{Entity: &ast.Ident{Name: "Task"}},
		Where: &ast.WhereClause{Cond: &ast.CompareExpr{
			X:  &ast.FieldRef{Segments: []*ast.Ident{{Name: "Title"}}},
			Op: ast.Ne,
			Y:  &ast.StringLit{Value: "it's"},
		}},
	}
	fmt.Println(format.Query(q))
	// Output:
	// SELECT Name, @Order FROM Task WHERE Title <> "it's"
}

func ExampleNode() {
	cond := &ast.InExpr{
		X:    &ast.FieldRef{Segments: []*ast.Ident{{Name: "State"}}},
		List: []ast.Literal{&ast.StringLit{Value: "Active"}, &ast.StringLit{Value: "Draft"}},
	}
	if err := format.Node(os.Stdout, cond); err != nil {
		fmt.Println(err)
	}
	fmt.Println()
	// Output:
	// State IN ('Active', 'Draft')
}

func ExampleWriteSource() {
	src := []byte("select name from task where state='Active';select id from project")
	if _, err := format.WriteSource(os.Stdout, "q.czql", src); err != nil {
		fmt.Println(err)
	}
	// Output:
	// SELECT name FROM task WHERE state = 'Active';
	//
	// SELECT id FROM project;
}
