package cli

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/czql/czql/api"
)

func TestRelationColumns(t *testing.T) {
	body := &api.EntityQuery{
		TypeName:  "Task",
		Fields:    []string{"Name", "Manager.Name"},
		Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}, {Name: "Predecessors"}},
	}
	if got, want := ResultHeader(body), []string{"Name", "Manager.Name", "Resources", "Predecessors"}; !slices.Equal(got, want) {
		t.Fatalf("header %q, want %q", got, want)
	}
	if got, want := RelationColumns(body), []bool{false, false, true, true}; !slices.Equal(got, want) {
		t.Errorf("RelationColumns = %v, want %v", got, want)
	}
	agg := &api.AggregateQuery{TypeName: "Task", GroupBy: []string{"Priority"}, Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "Name"}}}
	if got, want := RelationColumns(agg), []bool{false, false}; !slices.Equal(got, want) {
		t.Errorf("aggregate RelationColumns = %v, want %v", got, want)
	}
}

func TestRowCellsFuncMatchesRowCells(t *testing.T) {
	body := &api.EntityQuery{
		TypeName:  "Task",
		Fields:    []string{"Name", "Manager.Name", "Work"},
		Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}},
	}
	cells := RowCellsFunc(body)
	for _, row := range []string{
		`{"id":"/Task/1","Name":"Build","Manager":{"id":"/User/2","Name":"Ana Ruiz"},"Work":{"unit":"Hours","value":16},"Resources":{"entities":[{"id":"/User/1"}]}}`,
		`{"id":"/Task/2","name":"Test"}`,
	} {
		want, err := RowCells(body, json.RawMessage(row))
		if err != nil {
			t.Fatal(err)
		}
		got, err := cells(json.RawMessage(row))
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("RowCellsFunc(%s) = %q, %v; want %q", row, got, err, want)
		}
	}
	if _, err := cells(json.RawMessage(`[1]`)); err == nil {
		t.Error("a row that is not an object decoded without error")
	}
}
