package validate_test

import (
	"fmt"
	"os"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

func ExampleCheck() {
	md, err := metadata.Load("../testdata/metadata/clarizen.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	src := []byte("SELECT Name, DueDat FROM Task WHERE State = 'Active' LIMIT 10")
	q, syntax := parser.ParseQuery("q.czql", src)
	if syntax.HasErrors() {
		fmt.Println(syntax)
		return
	}
	info, diags := validate.Check(q, md)
	fmt.Println("entity:", info.Entities[q].TypeName)
	if err := diag.WriteList(os.Stdout, diag.NewSource("q.czql", src), diags, diag.TextOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// entity: Task
	// q.czql:1:14: error[unknown-field]: entity "Task" has no field "DueDat"
	//    1 | SELECT Name, DueDat FROM Task WHERE State = 'Active' LIMIT 10
	//      |              ^^^^^^ did you mean "DueDate"?
}
