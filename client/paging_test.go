package client

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"testing"

	"github.com/czql/czql/api"
)

// pagedHandler serves total rows in pages of limit, answering with the
// paging object like the real API (from = offset of the next page).
func pagedHandler(total, limit int) func(http.ResponseWriter, *http.Request, []byte) {
	return func(w http.ResponseWriter, r *http.Request, body []byte) {
		var req struct{ Paging *api.Paging }
		json.Unmarshal(body, &req)
		from := 0
		if req.Paging != nil && req.Paging.From != nil {
			from = *req.Paging.From
		}
		end := min(from+limit, total)
		rows := []map[string]any{}
		for i := from; i < end; i++ {
			rows = append(rows, map[string]any{"id": fmt.Sprintf("/Task/%d", i), "Name": fmt.Sprintf("T%d", i)})
		}
		writeJSON(w, 200, map[string]any{"entities": rows, "paging": map[string]any{"from": end, "limit": limit, "hasMore": end < total}})
	}
}

func TestRowsEchoPaging(t *testing.T) {
	f := newFake(t)
	f.handle = pagedHandler(23, 10)
	c, _, _ := newClient(t, f, nil)
	req := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}}
	var ids []string
	for row, err := range c.Rows(context.Background(), req, 0) {
		if err != nil {
			t.Fatal(err)
		}
		var r struct{ ID string }
		json.Unmarshal(row, &r)
		ids = append(ids, r.ID)
	}
	if len(ids) != 23 || ids[0] != "/Task/0" || ids[22] != "/Task/22" {
		t.Fatalf("ids = %v", ids)
	}
	bodies := f.requests("/entityQuery")
	want := []string{
		`{"typeName":"Task","fields":["Name"]}`,
		`{"typeName":"Task","fields":["Name"],"paging":{"from":10,"limit":10,"hasMore":true}}`,
		`{"typeName":"Task","fields":["Name"],"paging":{"from":20,"limit":10,"hasMore":true}}`,
	}
	if len(bodies) != len(want) {
		t.Fatalf("%d requests, want %d", len(bodies), len(want))
	}
	for i, b := range bodies {
		if b.Body != want[i] {
			t.Errorf("request %d = %s, want %s", i, b.Body, want[i])
		}
	}
	if req.Paging != nil {
		t.Error("Rows modified the request")
	}
}

func TestRowsMaxRows(t *testing.T) {
	f := newFake(t)
	f.handle = pagedHandler(100, 10)
	c, _, _ := newClient(t, f, nil)
	n := 0
	for _, err := range c.Rows(context.Background(), &api.Query{Q: "SELECT Name FROM Task"}, 15) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 15 || len(f.requests("/data/query")) != 2 {
		t.Errorf("rows = %d, requests = %d; want 15, 2", n, len(f.requests("/data/query")))
	}
}

func TestPages(t *testing.T) {
	f := newFake(t)
	f.handle = pagedHandler(20, 10)
	c, _, _ := newClient(t, f, nil)
	var sizes []int
	for p, err := range c.Pages(context.Background(), &api.RelationQuery{EntityID: "/Project/1", RelationName: "Tasks"}) {
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(p.Entities))
	}
	if fmt.Sprint(sizes) != "[10 10]" {
		t.Errorf("page sizes = %v, want [10 10] (stop on hasMore=false)", sizes)
	}
}

func TestPagingErrors(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) {
		writeJSON(w, 200, map[string]any{"entities": []any{}, "paging": map[string]any{"from": 0, "limit": 10, "hasMore": true}})
	}
	c, _, _ := newClient(t, f, nil)
	for _, req := range []Request{&api.AggregateQuery{TypeName: "Task"}, "SELECT", (*api.Query)(nil)} {
		var errs int
		for _, err := range c.Rows(context.Background(), req, 0) {
			if err != nil {
				errs++
			}
		}
		if errs != 1 {
			t.Errorf("%T: %d errors, want 1", req, errs)
		}
	}
}

// TestRawPagesOneRequestAPage checks that a page is requested only when
// the caller asks for it: stopping after the first page sends one
// request, and the page says whether more follow.
func TestRawPagesOneRequestAPage(t *testing.T) {
	f := newFake(t)
	f.handle = pagedHandler(23, 10)
	c, _, _ := newClient(t, f, nil)
	var more []bool
	for p, err := range c.RawPages(context.Background(), &api.EntityQuery{TypeName: "Task"}) {
		if err != nil {
			t.Fatal(err)
		}
		more = append(more, p.HasMore())
		if len(more) == 1 {
			if n := len(f.requests("/entityQuery")); n != 1 {
				t.Errorf("%d requests after the first page, want 1", n)
			}
		}
		if len(more) == 2 {
			break
		}
	}
	if fmt.Sprint(more) != "[true true]" || len(f.requests("/entityQuery")) != 2 {
		t.Errorf("hasMore %v after %d requests, want [true true] after 2", more, len(f.requests("/entityQuery")))
	}
	if (&RawPage{}).HasMore() {
		t.Error("a page without paging says it has more")
	}
}

// TestRowsCaps checks that Rows stops at the cap without asking for the
// next page, and that a cap of 0 or less, the lowest int included, is no
// cap at all.
func TestRowsCaps(t *testing.T) {
	for _, tc := range []struct {
		max, rows, requests int
	}{
		{10, 10, 1}, // the first page holds exactly the rows wanted
		{11, 11, 2},
		{0, 23, 3},
		{-1, 23, 3},
		{math.MinInt, 23, 3},
		{math.MaxInt, 23, 3},
	} {
		f := newFake(t)
		f.handle = pagedHandler(23, 10)
		c, _, _ := newClient(t, f, nil)
		n := 0
		for _, err := range c.Rows(context.Background(), &api.Query{Q: "SELECT Name FROM Task"}, tc.max) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if got := len(f.requests("/data/query")); n != tc.rows || got != tc.requests {
			t.Errorf("Rows(%d): %d rows in %d requests, want %d in %d", tc.max, n, got, tc.rows, tc.requests)
		}
	}
}
