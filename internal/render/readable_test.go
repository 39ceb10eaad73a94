package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

func TestReadableNumber(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1691", "1691"},
		{"1691.0", "1691"},
		{"-3.0", "-3"},
		{"1e3", "1000"},
		{"0", "0"},
		{"-0.0", "0"},
		{"0.5", "0.5"},
		{"-2.5", "-2.5"},
		{"49.48373743347132", "49.4837"},
		{"52.805217391304346", "52.8052"},
		{"1234567.891", "1234567.89"},
		{"0.000123456789", "0.000123457"},
		{"1.5e-25", "1.5e-25"},
		{"1e20", "1e20"},
		{"12345678901234567890", "12345678901234567890"},
		{"not a number", "not a number"},
	} {
		if got := ReadableNumber(c.in); got != c.want {
			t.Errorf("ReadableNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// aggregateRows are rows of SELECT State, COUNT(Name) AS n, AVG(Work) AS
// p FROM Task GROUP BY State, as the sandbox answers them.
var (
	aggregateBody = &api.AggregateQuery{TypeName: "Task", GroupBy: []string{"State"}, Aggregations: []api.FieldAggregation{
		{Function: "Count", FieldName: "Name", Alias: "n"}, {Function: "Avg", FieldName: "PercentCompleted", Alias: "p"}}}
	aggregateRows = []json.RawMessage{
		json.RawMessage(`{"id": null, "State": {"id": "/State/Active"}, "n": 1691.0, "p": 49.48373743347132}`),
		json.RawMessage(`{"id": null, "State": {"id": "/State/On Hold"}, "n": 560.0, "p": 47.84285714285714}`),
	}
)

// isPickList is the pick-list predicate of the tests: State alone.
func isPickList(typeName string) bool { return typeName == "State" }

// Tables show counts as integers, averages rounded and pick-list values
// by their value; CSV and JSON keep what the API sent.
func TestTableShowsValuesAsTheyRead(t *testing.T) {
	want := `State    n     p
-------  ----  -------
Active   1691  49.4837
On Hold  560   47.8429
`
	if got := renderRows(t, "table", aggregateBody, aggregateRows, Options{PickList: isPickList}); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	vertical := renderRows(t, "table", aggregateBody, aggregateRows[:1], Options{PickList: isPickList, Expanded: "on"})
	if want := "-[ RECORD 1 ]\nState | Active\nn     | 1691\np     | 49.4837\n"; vertical != want {
		t.Errorf("vertical:\n%s\nwant:\n%s", vertical, want)
	}
	csv := renderRows(t, "csv", aggregateBody, aggregateRows, Options{PickList: isPickList})
	if !strings.Contains(csv, "/State/Active,1691.0,49.48373743347132") {
		t.Errorf("csv lost precision or the id:\n%s", csv)
	}
	js := renderRows(t, "json", aggregateBody, aggregateRows, Options{PickList: isPickList})
	if !strings.Contains(js, `"n": 1691.0`) || !strings.Contains(js, "49.48373743347132") {
		t.Errorf("json changed the values:\n%s", js)
	}
}

// A reference is shown by its Name when the row has it, by its id
// otherwise; only pick-list entities are shortened to their value.
func TestTableReferences(t *testing.T) {
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "State", "Manager", "Parent", "Work", "Tags"}}
	rows := []json.RawMessage{
		json.RawMessage(`{"Name": "a", "State": {"id": "/State/Active"}, "Manager": {"id": "/User/u1"}, "Parent": {"id": "/Project/p1", "name": "Apollo"}, "Work": {"unit": "Hours", "value": 7.0}, "Tags": [1.0, 2.5]}`),
	}
	want := "Name  State   Manager   Parent  Work     Tags\n" +
		"----  ------  --------  ------  -------  ------\n" +
		"a     Active  /User/u1  Apollo  7 Hours  1, 2.5\n"
	if got := renderRows(t, "table", body, rows, Options{PickList: isPickList}); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	noMetadata := renderRows(t, "table", body, rows, Options{})
	if !strings.Contains(noMetadata, "/State/Active") {
		t.Errorf("without a pick-list predicate the id is shown:\n%s", noMetadata)
	}
}
