package api

import "testing"

func TestPageSize(t *testing.T) {
	seven, zero := 7, 0
	for _, tc := range []struct {
		name string
		body Body
		want int
	}{
		{"no paging", &EntityQuery{}, DefaultPageSize},
		{"paging without a limit", &EntityQuery{Paging: &Paging{}}, DefaultPageSize},
		{"a zero limit", &EntityQuery{Paging: &Paging{Limit: &zero}}, DefaultPageSize},
		{"entity query", &EntityQuery{Paging: &Paging{Limit: &seven}}, 7},
		{"aggregate query", &AggregateQuery{Paging: &Paging{Limit: &seven}}, 7},
		{"relation query", &RelationQuery{Paging: &Paging{Limit: &seven}}, 7},
		{"CZQL query", &Query{Paging: &Paging{Limit: &seven}}, 7},
		{"count query", &CountQuery{Query: &EntityQuery{Paging: &Paging{Limit: &seven}}}, DefaultPageSize},
	} {
		if got := PageSize(tc.body); got != tc.want {
			t.Errorf("%s: PageSize = %d, want %d", tc.name, got, tc.want)
		}
	}
}
