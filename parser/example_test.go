package parser_test

import (
	"fmt"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
)

func ExampleParseQuery() {
	q, diags := parser.ParseQuery("q.czql", []byte("SELECT Name, Manager.Name FROM Task WHERE State = 'Active'"))
	fmt.Println(len(diags))
	fmt.Print(ast.Sprint(q, false))
	// Output:
	// 0
	// Query
	//   Select
	//     FieldRef Name
	//     FieldRef Manager.Name
	//   From
	//     Ident Task
	//   Where
	//     Compare =
	//       FieldRef State
	//       String "Active"
}

func ExampleParseFile() {
	_, diags := parser.ParseFile("q.czql", []byte("SELECT Name, FROM Task;\nSELECT Id FROM User WHERE a = 1 AND\n"))
	for _, d := range diags {
		fmt.Println(d)
	}
	// Output:
	// 1:12: error[syntax]: missing field after ','
	// 2:33: error[syntax]: missing condition after AND
}

func ExampleParseCondition() {
	cond, _ := parser.ParseCondition("cond", []byte(`State IN ("Active","Draft") and StartDate>:p`))
	fmt.Print(ast.Sprint(cond, false))
	// Output:
	// Binary AND
	//   In
	//     FieldRef State
	//     String "Active"
	//     String "Draft"
	//   Compare >
	//     FieldRef StartDate
	//     Param :p
}

func ExampleStatements() {
	src := []byte("-- the tasks\nSELECT Name FROM Task;\nSELECT FROM Project;")
	s := parser.NewStatements("q.czql", src)
	for s.Next() {
		fmt.Printf("%s: %d comments, %d diagnostics\n", s.Query().From.Entity.Name, len(s.Comments()), len(s.Diagnostics()))
	}
	// Output:
	// Task: 1 comments, 0 diagnostics
	// Project: 0 comments, 1 diagnostics
}
