package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/czql/czql/api"
)

// The bodies and rows of two statements: tasks, then a count by state.
var (
	taskBody  = &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Work"}}
	countBody = &api.AggregateQuery{TypeName: "Task", GroupBy: []string{"Name"}, Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "id", Alias: "N"}}}
	taskRows  = []json.RawMessage{json.RawMessage(`{"id":"/Task/1","Name":"Build","Work":{"unit":"Hours","value":8}}`)}
	countRows = []json.RawMessage{json.RawMessage(`{"Name":"Build","N":1}`), json.RawMessage(`{"Name":"=Ship","N":2}`)}
)

// writeResults writes the two statements (or the first alone) in format.
func writeResults(t *testing.T, format string, several bool) string {
	t.Helper()
	bodies, rows := []api.Body{taskBody, countBody}, [][]json.RawMessage{taskRows, countRows}
	if !several {
		bodies = bodies[:1]
	}
	var out bytes.Buffer
	r, err := NewResults(format, &out, bodies, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range bodies {
		w, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[i] {
			if err := w.WriteRow(row); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := r.Next(); err == nil {
		t.Error("Next after the last statement succeeded")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestResultsOfSeveralStatements(t *testing.T) {
	for _, c := range []struct{ format, want string }{
		{"table", "Name   Work\n-----  -------\nBuild  8 Hours\n\nName   N\n-----  -\nBuild  1\n=Ship  2\n"},
		{"csv", "statement,Name,Work,N\r\n1,Build,8 Hours,\r\n2,Build,,1\r\n2,'=Ship,,2\r\n"},
		{"jsonl", `{"id":"/Task/1","Name":"Build","Work":{"unit":"Hours","value":8}}` + "\n" + `{"Name":"Build","N":1}` + "\n" + `{"Name":"=Ship","N":2}` + "\n"},
		{"json", "[\n[\n  {\n    \"id\": \"/Task/1\",\n    \"Name\": \"Build\",\n    \"Work\": {\n      \"unit\": \"Hours\",\n      \"value\": 8\n    }\n  }\n]\n,\n" +
			"[\n  {\n    \"Name\": \"Build\",\n    \"N\": 1\n  },\n  {\n    \"Name\": \"=Ship\",\n    \"N\": 2\n  }\n]\n]\n"},
	} {
		got := writeResults(t, c.format, true)
		if got != c.want {
			t.Errorf("%s:\n%q\nwant:\n%q", c.format, got, c.want)
		}
		if c.format == "json" {
			var v [][]map[string]any
			if err := json.Unmarshal([]byte(got), &v); err != nil || len(v) != 2 || len(v[1]) != 2 {
				t.Errorf("json is not an array of the statements' arrays: %v %v", v, err)
			}
		}
	}
}

// TestResultsOfOneStatement checks that one statement is written as
// NewWriter writes it: no statement column, no enclosing array.
func TestResultsOfOneStatement(t *testing.T) {
	for _, format := range Formats() {
		got := writeResults(t, format, false)
		if want := renderRows(t, format, taskBody, taskRows, Options{}); got != want {
			t.Errorf("%s:\n%q\nwant:\n%q", format, got, want)
		}
	}
}

func TestResultsRejectsAnUnknownFormat(t *testing.T) {
	if _, err := NewResults("yaml", &bytes.Buffer{}, []api.Body{taskBody}, Options{}); err == nil {
		t.Error("NewResults accepted the format yaml")
	}
}
