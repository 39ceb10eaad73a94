package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/czql/czql/api"
)

func TestBulkSplits(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, body []byte) {
		var req struct{ Requests []api.BulkItem }
		json.Unmarshal(body, &req)
		var out []BulkResponse
		for _, it := range req.Requests {
			out = append(out, BulkResponse{StatusCode: 200, Body: json.RawMessage(fmt.Sprintf(`{"q":%q}`, it.Body.(map[string]any)["q"]))})
		}
		writeJSON(w, 200, map[string]any{"responses": out})
	}
	c, _, _ := newClient(t, f, nil)
	items := make([]api.BulkItem, 250)
	for i := range items {
		items[i] = api.BulkItem{URL: api.PathQuery, Method: "POST", Body: map[string]string{"q": fmt.Sprint(i)}}
	}
	resp, err := c.Bulk(context.Background(), items)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, r := range f.requests("/bulk/execute") {
		var req struct{ Requests []json.RawMessage }
		json.Unmarshal([]byte(r.Body), &req)
		sizes = append(sizes, len(req.Requests))
	}
	if fmt.Sprint(sizes) != "[100 100 50]" {
		t.Errorf("batch sizes = %v", sizes)
	}
	if len(resp) != 250 {
		t.Fatalf("%d responses", len(resp))
	}
	for i, r := range resp {
		if string(r.Body) != fmt.Sprintf(`{"q":"%d"}`, i) {
			t.Fatalf("response %d = %s (order lost)", i, r.Body)
		}
	}
}

func TestIsRead(t *testing.T) {
	tests := []struct {
		item api.BulkItem
		want bool
	}{
		{api.BulkItem{URL: "/data/entityQuery", Method: "POST"}, true},
		{api.BulkItem{URL: "/data/objects/Task/1", Method: "GET"}, true},
		{api.BulkItem{URL: "/metadata/describeMetadata?typeNames=Task", Method: "POST"}, true},
		{api.BulkItem{URL: "/data/timesheetQuery", Method: "POST"}, true},
		{api.BulkItem{URL: "/data/objects/Task", Method: "PUT"}, false},
		{api.BulkItem{URL: "/data/objects/Task/1", Method: "POST"}, false},
		{api.BulkItem{URL: "/data/objects/Task/1", Method: "DELETE"}, false},
		{api.BulkItem{URL: "/data/changeState", Method: "POST"}, false},
	}
	for _, tt := range tests {
		if got := isRead(tt.item); got != tt.want {
			t.Errorf("isRead(%+v) = %v", tt.item, got)
		}
	}
}
