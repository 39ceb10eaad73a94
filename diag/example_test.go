package diag_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/czql/czql/diag"
)

func ExampleWriteText() {
	text := "-- tasks due soon\n\nSELECT Name, DueDat FROM Task\n"
	src := diag.NewSource("q.czql", []byte(text))
	start := strings.Index(text, "DueDat")
	d := diag.Errorf("unknown-field", src.Range(start, start+len("DueDat")),
		"entity %q has no field %q", "Task", "DueDat")
	fields := []string{"Name", "StartDate", "DueDate", "Duration"}
	if s := diag.DidYouMean("DueDat", fields); s != "" {
		d.Suggestions = append(d.Suggestions, diag.Suggestion{Message: s})
	}
	if err := diag.WriteText(os.Stdout, src, d, diag.TextOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// q.czql:3:14: error[unknown-field]: entity "Task" has no field "DueDat"
	//    3 | SELECT Name, DueDat FROM Task
	//      |              ^^^^^^ did you mean "DueDate"?
}

func ExampleDiagnostic_FormatLine() {
	src := diag.NewSource("q.czql", []byte("SELECT Name FROM Tsk"))
	d := diag.Errorf("unknown-entity", src.Range(17, 20), "unknown entity %q", "Tsk")
	fmt.Println(d.FormatLine(src.Name))
	// Output:
	// q.czql:1:18: error[unknown-entity]: unknown entity "Tsk"
}

func ExampleSuggest() {
	fields := []string{"Name", "State", "Status", "StartDate", "DueDate"}
	fmt.Println(diag.Suggest("stat", fields))
	fmt.Println(diag.Suggest("start", fields))
	fmt.Println(diag.Suggest("Nmae", fields))
	fmt.Println(diag.DidYouMean("Statsu", fields))
	// Output:
	// [State Status]
	// [StartDate]
	// [Name]
	// did you mean "Status" or "State"?
}
