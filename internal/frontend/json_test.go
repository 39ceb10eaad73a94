package frontend

import (
	"encoding/json"
	"testing"

	"github.com/czql/czql"
)

func TestMarshalJSON(t *testing.T) {
	got, err := MarshalJSON(map[string]any{"a": []int{1}, "b": "x<y"})
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"x<y\"\n}\n"
	if string(got) != want {
		t.Errorf("MarshalJSON = %q, want %q", got, want)
	}
}

func TestRequestsJSONShapes(t *testing.T) {
	reqs, diags := czql.TranslateFile("q.czql", []byte("SELECT Name FROM Task LIMIT 1; SELECT COUNT(Name) AS n FROM Task"))
	if len(diags) != 0 || len(reqs) != 2 {
		t.Fatalf("TranslateFile: %d requests, %v", len(reqs), diags)
	}
	one, err := RequestsJSON(reqs[:1], false)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"url\": \"/data/entityQuery\",\n  \"method\": \"POST\",\n  \"body\": {\n    \"typeName\": \"Task\",\n" +
		"    \"fields\": [\n      \"Name\"\n    ],\n    \"paging\": {\n      \"limit\": 1\n    }\n  }\n}\n"
	if string(one) != want {
		t.Errorf("one request:\n%s\nwant:\n%s", one, want)
	}
	bodies, err := RequestsJSON(reqs, true)
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(bodies, &got); err != nil || len(got) != 2 || got[0]["typeName"] != "Task" || got[1]["url"] != nil {
		t.Errorf("bodies of two requests: %v\n%s", err, bodies)
	}
	none, err := RequestsJSON(nil, false)
	if err != nil || string(none) != "[]\n" {
		t.Errorf("no request: %q, %v", none, err)
	}
}
