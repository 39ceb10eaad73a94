package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"
)

type bulkReply struct {
	Responses []struct {
		StatusCode int             `json:"statusCode"`
		Body       json.RawMessage `json:"body"`
	} `json:"responses"`
}

func TestBulkMixed(t *testing.T) {
	c := newTestServer(t, nil)
	body := `{"requests":[` +
		`{"url":"/data/query","method":"POST","body":{"q":"SELECT Name FROM Task WHERE PercentCompleted >= 90 ORDER BY Name"}},` +
		`{"url":"data/entityQuery","method":"POST","body":{"typeName":"User","fields":["Name"],"where":{"leftExpression":{"fieldName":"DirectManager"},"operator":"Equal","rightExpression":{"value":"/User/u1"}}}},` +
		`{"url":"/data/objects/Task/t1?fields=Name,Manager","method":"GET"}` +
		`]}`
	var res bulkReply
	if err := json.Unmarshal([]byte(c.query("bulk/execute", body)), &res); err != nil {
		t.Fatal(err)
	}
	want := []string{
		`{"entities":[{"id":"/Task/t2","Name":"Build UI"},{"id":"/Task/t3","Name":"Test_API"}],"paging":{"from":2,"limit":100,"hasMore":false}}`,
		`{"entities":[{"id":"/User/u2","Name":"Ana Bell"},{"id":"/User/u3","Name":"Noa Park"}],"paging":{"from":2,"limit":100,"hasMore":false}}`,
		`{"id":"/Task/t1","Name":"Design API","Manager":{"id":"/User/u1"}}`,
	}
	if len(res.Responses) != len(want) {
		t.Fatalf("got %d responses, want %d", len(res.Responses), len(want))
	}
	for i, w := range want {
		r := res.Responses[i]
		if r.StatusCode != 200 || string(r.Body) != w {
			t.Errorf("response %d:\n got %d %s\nwant 200 %s", i, r.StatusCode, r.Body, w)
		}
	}
}

func TestBulkInnerErrors(t *testing.T) {
	c := newTestServer(t, nil)
	body := `{"requests":[` +
		`{"url":"/data/objects/Task/t99","method":"GET"},` +
		`{"url":"/data/countQuery","body":{"query":{"typeName":"Task"}}},` +
		`{"url":"/data/entityQuery","method":"POST","body":{"typeName":"Task","fields":["Nope"]}},` +
		`{"url":"/bulk/execute","method":"POST","body":{"requests":[]}},` +
		`{"url":"/nowhere","method":"POST","body":{}}` +
		`]}`
	code, out := c.do("POST", "bulk/execute", body)
	if code != 200 {
		t.Fatalf("bulk: %d %s", code, out)
	}
	var res bulkReply
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	wantCodes := []string{"EntityNotFound", "", "InvalidField", "InvalidArgument", "InvalidArgument"}
	if len(res.Responses) != len(wantCodes) {
		t.Fatalf("got %d responses: %s", len(res.Responses), out)
	}
	for i, wc := range wantCodes {
		r := res.Responses[i]
		if wc == "" {
			// The method defaults to POST.
			if r.StatusCode != 200 || string(r.Body) != `{"count":4}` {
				t.Errorf("response %d: %d %s", i, r.StatusCode, r.Body)
			}
			continue
		}
		var e struct{ ErrorCode, Message, ReferenceID string }
		if err := json.Unmarshal(r.Body, &e); err != nil || r.StatusCode != 500 || e.ErrorCode != wc || e.ReferenceID == "" {
			t.Errorf("response %d: got %d %s, want 500 %s", i, r.StatusCode, r.Body, wc)
		}
	}
}

// TestBulkSize checks the guide's governance limit: a bulk call carries
// at most MaxBulkRequests (100) sub-requests; a larger call is refused as
// a whole with InvalidArgument.
func TestBulkSize(t *testing.T) {
	c := newTestServer(t, nil)
	bulkOf := func(n int) string {
		reqs := make([]string, n)
		for i := range reqs {
			reqs[i] = fmt.Sprintf(`{"url":"/data/objects/Task/t%d?fields=Name","method":"GET"}`, i%4+1)
		}
		return `{"requests":[` + strings.Join(reqs, ",") + `]}`
	}
	var res bulkReply
	if err := json.Unmarshal([]byte(c.query("bulk/execute", bulkOf(MaxBulkRequests))), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Responses) != MaxBulkRequests {
		t.Fatalf("%d requests: got %d responses", MaxBulkRequests, len(res.Responses))
	}
	if r := res.Responses[MaxBulkRequests-1]; r.StatusCode != 200 || string(r.Body) != `{"id":"/Task/t4","Name":"deploy"}` {
		t.Errorf("last response: %d %s", r.StatusCode, r.Body)
	}
	if got := c.errorCode("bulk/execute", bulkOf(MaxBulkRequests+1)); got != "InvalidArgument" {
		t.Errorf("%d requests: %s", MaxBulkRequests+1, got)
	}
	if got := c.errorCode("bulk/execute", `{"requests":`); got != "InvalidQuery" {
		t.Errorf("malformed bulk: %s", got)
	}
}

func TestDescribeMetadata(t *testing.T) {
	c := newTestServer(t, nil)
	describe := func(query string) []map[string]json.RawMessage {
		t.Helper()
		code, out := c.do("GET", "metadata/describeMetadata?"+query, "")
		if code != 200 {
			t.Fatalf("%s: %d %s", query, code, out)
		}
		var res struct {
			EntityDescriptions []map[string]json.RawMessage
		}
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatal(err)
		}
		return res.EntityDescriptions
	}
	names := func(ds []map[string]json.RawMessage) string {
		var out []string
		for _, d := range ds {
			var n string
			json.Unmarshal(d["typeName"], &n)
			out = append(out, n)
		}
		return strings.Join(out, ",")
	}
	fieldNames := func(d map[string]json.RawMessage) map[string]bool {
		var fs []struct{ Name string }
		json.Unmarshal(d["fields"], &fs)
		m := map[string]bool{}
		for _, f := range fs {
			m[f.Name] = true
		}
		return m
	}

	ds := describe("typeNames=" + url.QueryEscape("Task,User") + "&flags=fields")
	if got := names(ds); got != "Task,User" {
		t.Fatalf("typeNames: %s", got)
	}
	for _, d := range ds {
		if _, ok := d["relations"]; ok {
			t.Errorf("flags=fields: relations present")
		}
		if _, ok := d["fields"]; !ok {
			t.Errorf("flags=fields: fields missing")
		}
	}
	if f := fieldNames(ds[0]); !f["Name"] || !f["State"] || !f["Manager"] || !f["PercentCompleted"] {
		t.Errorf("Task fields: %v", f)
	}
	if f := fieldNames(ds[1]); !f["UserName"] || !f["DirectManager"] {
		t.Errorf("User fields: %v", f)
	}

	ds = describe("typeNames=task,user&flags=" + url.QueryEscape("fields,relations"))
	if got := names(ds); got != "Task,User" {
		t.Fatalf("typeNames (lower case): %s", got)
	}
	for _, d := range ds {
		if _, ok := d["relations"]; !ok {
			t.Errorf("flags=fields,relations: relations missing")
		}
		if _, ok := d["fields"]; !ok {
			t.Errorf("flags=fields,relations: fields missing")
		}
	}
	if !strings.Contains(string(ds[0]["relations"]), `"name":"Resources"`) {
		t.Errorf("Task relations: %s", ds[0]["relations"])
	}

	// Without flags: basic information only.
	ds = describe("typeNames=Task")
	if _, ok := ds[0]["fields"]; ok || names(ds) != "Task" {
		t.Errorf("no flags: %v", ds[0])
	}
	if _, ok := ds[0]["relations"]; ok {
		t.Errorf("no flags: relations present")
	}

	// Without typeNames: every entity.
	md, _ := fixture(t)
	if got, want := names(describe("")), strings.Join(md.EntityNames(), ","); got != want {
		t.Errorf("all entities:\n got %s\nwant %s", got, want)
	}

	code, out := c.do("GET", "metadata/describeMetadata?typeNames=Task,Nope", "")
	if got := errorOf(t, code, out); got != "InvalidType" {
		t.Errorf("unknown type: %s", got)
	}
}

// TestListEntities: listEntities answers every entity of the metadata
// once, sorted by type name (the order of metadata.EntityNames).
func TestListEntities(t *testing.T) {
	c := newTestServer(t, nil)
	var res struct{ TypeNames []string }
	if err := json.Unmarshal([]byte(c.query("metadata/listEntities", "")), &res); err != nil {
		t.Fatal(err)
	}
	md, _ := fixture(t)
	if got, want := strings.Join(res.TypeNames, ","), strings.Join(md.EntityNames(), ","); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if len(res.TypeNames) != 56 || !sort.StringsAreSorted(res.TypeNames) {
		t.Errorf("want 56 sorted names, got %d: %v", len(res.TypeNames), res.TypeNames)
	}
	has := map[string]bool{}
	for _, n := range res.TypeNames {
		if has[n] {
			t.Errorf("duplicate %s", n)
		}
		has[n] = true
	}
	if !has["Task"] || !has["User"] {
		t.Errorf("Task or User missing: %v", res.TypeNames)
	}
}

func TestAPIKey(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.APIKeys = []string{"k-123"} })
	call := func(auth string) (int, []byte) {
		req := httptest.NewRequest("POST", "http://sandbox.test/v2.0/services/data/countQuery", strings.NewReader(`{"query":{"typeName":"Task"}}`))
		req.Header.Set("Authorization", auth)
		rec := httptest.NewRecorder()
		c.srv.ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes()
	}
	for _, auth := range []string{"ApiKey k-123", "apikey  k-123 "} {
		if code, out := call(auth); code != 200 || string(out) != `{"count":4}` {
			t.Errorf("%q: %d %s", auth, code, out)
		}
	}
	for _, auth := range []string{"ApiKey wrong", "ApiKey ", "ApiKey k-1234"} {
		code, out := call(auth)
		if got := errorOf(t, code, out); got != "Unauthorized" {
			t.Errorf("%q: %s", auth, got)
		}
	}
	// An API key is not a session id.
	code, out := call("Session k-123")
	if got := errorOf(t, code, out); got != "SessionTimeout" {
		t.Errorf("Session k-123: %s", got)
	}
	// Without configured keys every ApiKey is refused.
	c2 := newTestServer(t, nil)
	c2.session = ""
	req := httptest.NewRequest("POST", "http://sandbox.test/v2.0/services/data/countQuery", strings.NewReader(`{"query":{"typeName":"Task"}}`))
	req.Header.Set("Authorization", "ApiKey k-123")
	rec := httptest.NewRecorder()
	c2.srv.ServeHTTP(rec, req)
	if got := errorOf(t, rec.Code, rec.Body.Bytes()); got != "Unauthorized" {
		t.Errorf("no keys configured: %s", got)
	}
}

func TestFaultLatency(t *testing.T) {
	const latency = 50 * time.Millisecond
	c := newTestServer(t, func(o *Options) { o.Faults = Faults{Latency: latency} })
	start := time.Now()
	got := c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	if elapsed := time.Since(start); elapsed < latency {
		t.Errorf("request took %v, want at least %v", elapsed, latency)
	}
	if got != `{"count":4}` {
		t.Errorf("got %s", got)
	}
}
