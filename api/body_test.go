package api

import "testing"

// WithPaging copies a paged body with the new paging and leaves the
// original as it was; a count query is not paged.
func TestWithPaging(t *testing.T) {
	from := 100
	p := &Paging{From: &from}
	for _, body := range []Body{&Query{Q: "SELECT Name FROM Task"}, &EntityQuery{TypeName: "Task"},
		&AggregateQuery{TypeName: "Task"}, &RelationQuery{RelationName: "Resources"}} {
		got := WithPaging(body, p)
		if got == body {
			t.Errorf("%T: not a copy", body)
		}
		if pagingOf(got) != p || pagingOf(body) != nil {
			t.Errorf("%T: paging %v, original %v", body, pagingOf(got), pagingOf(body))
		}
	}
	count := &CountQuery{}
	if WithPaging(count, p) != Body(count) {
		t.Error("a count query was copied")
	}
}

func pagingOf(b Body) *Paging {
	switch q := b.(type) {
	case *Query:
		return q.Paging
	case *EntityQuery:
		return q.Paging
	case *AggregateQuery:
		return q.Paging
	case *RelationQuery:
		return q.Paging
	}
	return nil
}
