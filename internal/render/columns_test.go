package render

import (
	"slices"
	"testing"

	"github.com/czql/czql/api"
)

// columnNames returns the names of cols and which are relations.
func columnNames(cols []column) (names []string, relation []bool) {
	for _, c := range cols {
		names = append(names, c.name)
		relation = append(relation, c.relation)
	}
	return names, relation
}

func TestEntityColumnsAreFieldsThenRelations(t *testing.T) {
	names, relation := columnNames(columnsOf(&api.EntityQuery{
		TypeName:  "Task",
		Fields:    []string{"Name", "Manager.Name"},
		Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}, {Name: "Predecessors"}},
	}))
	if want := []string{"Name", "Manager.Name", "Resources", "Predecessors"}; !slices.Equal(names, want) {
		t.Errorf("columns %q, want %q", names, want)
	}
	if want := []bool{false, false, true, true}; !slices.Equal(relation, want) {
		t.Errorf("relation columns %v, want %v", relation, want)
	}
}

func TestAggregateColumnsAreGroupsThenAggregates(t *testing.T) {
	names, relation := columnNames(columnsOf(&api.AggregateQuery{
		GroupBy:      []string{"State"},
		Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "Name", Alias: "Cnt"}, {Function: "Max", FieldName: "Work"}},
	}))
	if want := []string{"State", "Cnt", "Max_Work"}; !slices.Equal(names, want) {
		t.Errorf("columns %q, want %q", names, want)
	}
	if slices.Contains(relation, true) {
		t.Errorf("an aggregate column is a relation: %v", relation)
	}
}

func TestUnionColumnsKeepFirstAppearance(t *testing.T) {
	names, _ := columnNames(unionColumns([]api.Body{
		&api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Work"}},
		&api.AggregateQuery{TypeName: "Task", GroupBy: []string{"Name"}, Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "id", Alias: "N"}}},
		&api.CountQuery{},
	}))
	if want := []string{"Name", "Work", "N"}; !slices.Equal(names, want) {
		t.Errorf("columns %q, want %q", names, want)
	}
}

func TestLookupFold(t *testing.T) {
	obj := map[string]int{"Name": 1, "name": 2, "Work": 3}
	for key, want := range map[string]int{"Name": 1, "name": 2, "WORK": 3, "work": 3, "Cost": 0} {
		if got := lookupFold(obj, key); got != want {
			t.Errorf("lookupFold(%q) = %d, want %d", key, got, want)
		}
	}
}

func TestRowCells(t *testing.T) {
	cols := columnsOf(&api.EntityQuery{
		TypeName:  "Task",
		Fields:    []string{"Name", "Manager.Name", "Work", "Tags"},
		Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}},
	})
	for _, c := range []struct {
		row  string
		want []string
	}{
		{`{"id":"/Task/1","Name":"Build","Manager":{"id":"/User/2","Name":"Ana Ruiz"},"Work":{"unit":"Hours","value":16},"Tags":["a",1.50,true],"Resources":{"entities":[{"id":"/User/1"}]}}`,
			[]string{"Build", "Ana Ruiz", "16 Hours", "a, 1.50, true", "1 Resources"}},
		{`{"id":"/Task/2","name":"Test","manager":null,"resources":[{"id":"/User/1"},{"id":"/User/2"}]}`,
			[]string{"Test", "", "", "", "2 Resources"}},
	} {
		got, err := rowCells(cols, []byte(c.row))
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("rowCells(%s) = %q, %v; want %q", c.row, got, err, c.want)
		}
	}
	if _, err := rowCells(cols, []byte(`[1]`)); err == nil {
		t.Error("a row that is not an object decoded without error")
	}
}
