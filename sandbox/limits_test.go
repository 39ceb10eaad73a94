package sandbox

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestMethods checks that each endpoint answers only its documented
// methods: others get HTTP 405 with the API's error body and an Allow
// header, before authentication, and inside a bulk call too.
func TestMethods(t *testing.T) {
	c := newTestServer(t, nil)
	for _, tc := range []struct{ method, endpoint, allow string }{
		{"PUT", "data/entityQuery", "GET, POST"},
		{"DELETE", "data/query", "GET, POST"},
		{"FOO", "data/aggregateQuery", "GET, POST"},
		{"PATCH", "metadata/describeMetadata", "GET, POST"},
		{"GET", "bulk/execute", "POST"},
		{"GET", "authentication/login", "POST"},
		{"PUT", "authentication/getServerDefinition", "POST"},
		{"PATCH", "data/objects/Task/t1", "GET, PUT, POST, DELETE"},
	} {
		for _, session := range []string{c.session, ""} {
			req := httptest.NewRequest(tc.method, "http://sandbox.test/v2.0/services/"+tc.endpoint, strings.NewReader(`{}`))
			if session != "" {
				req.Header.Set("Authorization", "Session "+session)
			}
			rec := httptest.NewRecorder()
			c.srv.ServeHTTP(rec, req)
			var e struct{ ErrorCode, Message, ReferenceID string }
			json.Unmarshal(rec.Body.Bytes(), &e)
			if rec.Code != 405 || e.ErrorCode != "InvalidOperation" || e.ReferenceID == "" || rec.Header().Get("Allow") != tc.allow {
				t.Errorf("%s %s: %d Allow %q %s", tc.method, tc.endpoint, rec.Code, rec.Header().Get("Allow"), rec.Body)
			}
		}
	}
	var res bulkReply
	json.Unmarshal([]byte(c.query("bulk/execute", `{"requests":[{"url":"/data/entityQuery","method":"DELETE","body":{"typeName":"Task"}}]}`)), &res)
	if len(res.Responses) != 1 || res.Responses[0].StatusCode != 405 {
		t.Errorf("bulk DELETE: %+v", res)
	}
}

// TestGzipAnswers checks that answers are gzip-compressed exactly when
// the client accepts gzip.
func TestGzipAnswers(t *testing.T) {
	c := newTestServer(t, nil)
	plain := c.query("data/entityQuery", `{"typeName":"Task","fields":["Name"]}`)
	for accept, zipped := range map[string]bool{"gzip": true, "gzip, deflate": true, "deflate, gzip;q=0.5": true, "*": true, "": false, "deflate": false, "gzip;q=0": false, "identity": false} {
		req := httptest.NewRequest("POST", "http://sandbox.test/v2.0/services/data/entityQuery", strings.NewReader(`{"typeName":"Task","fields":["Name"]}`))
		req.Header.Set("Authorization", "Session "+c.session)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		rec := httptest.NewRecorder()
		c.srv.ServeHTTP(rec, req)
		body := rec.Body.Bytes()
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != zipped {
			t.Errorf("%q: Content-Encoding %q", accept, rec.Header().Get("Content-Encoding"))
			continue
		}
		if zipped {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("%q: %v", accept, err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatalf("%q: %v", accept, err)
			}
		}
		if string(body) != plain {
			t.Errorf("%q: got %.200s", accept, body)
		}
	}
}

// TestWorkIsBounded checks the work budget: a request that needs more
// evaluation steps than MaxWork is refused before it loops, the
// sub-requests of a bulk call share one budget, and a request within the
// budget is answered.
func TestWorkIsBounded(t *testing.T) {
	data := NewDataset()
	for i := range 2000 {
		data.Add("Task", Row{"id": fmt.Sprintf("/Task/t%d", i), "Name": fmt.Sprintf("T%d", i), "PercentCompleted": i % 100})
	}
	c := newTestServer(t, func(o *Options) { o.Data, o.MaxWork = data, 50_000 })
	where := `{"or":[{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"%9%"}},{"leftExpression":{"fieldName":"PercentCompleted"},"operator":"GreaterThan","rightExpression":{"value":50}}]}`
	query := `{"typeName":"Task","fields":["Name"],"where":` + where + `,"orders":[{"fieldName":"Name"}],"paging":{"limit":10}}`
	if rows, _, _, _ := pageOfAnswer(t, c.query("data/entityQuery", query)); rows != 10 {
		t.Errorf("within the budget: %d rows", rows)
	}
	heavy := `{"typeName":"Task","fields":["Name"],"where":{"and":[` + strings.Repeat(where+",", 20) + where + `]}}`
	code, body := c.do("POST", "data/entityQuery", heavy)
	if code != 500 || !bytes.Contains(body, []byte("more work than the sandbox allows")) {
		t.Errorf("beyond the budget: %d %.300s", code, body)
	}
	sub := `{"url":"/data/entityQuery","body":` + query + `}`
	var res bulkReply
	json.Unmarshal([]byte(c.query("bulk/execute", `{"requests":[`+strings.Repeat(sub+",", 19)+sub+`]}`)), &res)
	ok := 0
	for _, r := range res.Responses {
		if r.StatusCode == 200 {
			ok++
		}
	}
	if ok == 0 || ok == len(res.Responses) {
		t.Errorf("bulk: %d of %d sub-requests answered; want the shared budget to stop some", ok, len(res.Responses))
	}
}

// TestRelationsUseAnIndex checks that a relation over every row costs a
// step per link row, not one per owner and link row: the demo's tasks
// with their resources fit in the default budget.
func TestRelationsUseAnIndex(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.Metadata, o.Data = nil, nil })
	run := c.srv.store.newRun()
	c.srv.store.mu.RLock()
	res, err := run.entityQuery(mustEntityQuery(t, `{"typeName":"Task","fields":["Name"],"relations":[{"name":"Resources","fields":["Name"]}],"paging":{"limit":5000}}`))
	c.srv.store.mu.RUnlock()
	if err != nil {
		t.Fatal(err)
	}
	spent := DefaultMaxWork - run.left
	if len(res.Entities) != 4500 || spent > 200_000 {
		t.Errorf("%d rows in %d steps", len(res.Entities), spent)
	}
}

// TestInListAndPatternBounds checks MaxInValues and MaxPatternLength.
func TestInListAndPatternBounds(t *testing.T) {
	c := newTestServer(t, nil)
	in := func(n int) string {
		vals := make([]string, n)
		for i := range vals {
			vals[i] = fmt.Sprintf(`"t%d"`, i)
		}
		return `{"typeName":"Task","where":{"leftExpression":{"fieldName":"Name"},"operator":"In","rightExpression":{"values":[` + strings.Join(vals, ",") + `]}}}`
	}
	c.query("data/entityQuery", in(MaxInValues))
	if got := c.errorCode("data/entityQuery", in(MaxInValues+1)); got != "InvalidQuery" {
		t.Errorf("%d values: %s", MaxInValues+1, got)
	}
	like := func(n int) string {
		return `{"typeName":"Task","where":{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"` + strings.Repeat("%a", n/2) + `"}}}`
	}
	c.query("data/entityQuery", like(MaxPatternLength))
	if got := c.errorCode("data/entityQuery", like(MaxPatternLength+2)); got != "InvalidQuery" {
		t.Errorf("long pattern: %s", got)
	}
	if got := c.errorCode("data/query", `{"q":"SELECT Name FROM Task WHERE Name LIKE '`+strings.Repeat("_", MaxPatternLength+1)+`'"}`); got != "InvalidQuery" {
		t.Errorf("long CZQL pattern: %s", got)
	}
}

// TestResponseSizeIsBounded checks MaxResponseBytes: a larger answer is
// refused, and the sub-requests of a bulk call stop running once their
// answers reach it.
func TestResponseSizeIsBounded(t *testing.T) {
	data := NewDataset()
	for i := range 500 {
		data.Add("Task", Row{"id": fmt.Sprintf("/Task/t%d", i), "Name": strings.Repeat("n", 500)})
	}
	const max = 200 << 10
	c := newTestServer(t, func(o *Options) { o.Data, o.MaxResponseBytes = data, max })
	code, body := c.do("POST", "data/entityQuery", `{"typeName":"Task","fields":["Name"],"paging":{"limit":5000}}`)
	if code != 500 || !bytes.Contains(body, []byte("larger than")) {
		t.Errorf("large answer: %d %.200s", code, body)
	}
	sub := `{"url":"/data/entityQuery","body":{"typeName":"Task","fields":["Name"],"paging":{"limit":100}}}`
	code, body = c.do("POST", "bulk/execute", `{"requests":[`+strings.Repeat(sub+",", 99)+sub+`]}`)
	var res bulkReply
	json.Unmarshal(body, &res)
	if code != 200 || len(body) > max || len(res.Responses) != 100 {
		t.Fatalf("bulk: HTTP %d, %d bytes, %d responses", code, len(body), len(res.Responses))
	}
	last := res.Responses[99]
	if res.Responses[0].StatusCode != 200 || last.StatusCode != 500 || !bytes.Contains(last.Body, []byte("not run")) {
		t.Errorf("first %d, last %d %s", res.Responses[0].StatusCode, last.StatusCode, last.Body)
	}
}

// TestObjectBounds checks MaxObjectBytes, MaxWriteBytes and
// MaxNewObjects.
func TestObjectBounds(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.MaxWriteBytes, o.MaxNewObjects = 4096, 2 })
	big := `{"Name":"` + strings.Repeat("x", MaxObjectBytes) + `"}`
	for _, method := range []string{"PUT", "POST"} {
		code, body := c.do(method, "data/objects/Task/t1", big)
		if code != 500 || !bytes.Contains(body, []byte("at most")) {
			t.Errorf("%s of %d bytes: %d %.200s", method, len(big), code, body)
		}
	}
	update := `{"Description":"` + strings.Repeat("y", 1000) + `"}` // Description has no maximum length
	for i := range 5 {
		code, body := c.do("POST", "data/objects/Task/t1", update)
		if wantOK := i < 4; (code == 200) != wantOK {
			t.Errorf("update %d: %d %.200s", i, code, body)
		}
	}
	st := c.srv.store
	for i := range 3 {
		err := st.insert(st.md.Entity("Task"), Row{"id": fmt.Sprintf("/Task/new-%d", i)})
		if wantOK := i < 2; (err == nil) != wantOK {
			t.Errorf("create %d: %v", i, err)
		}
	}
}

// TestErrorsShowNoGoTypes sends malformed requests: the messages speak of
// the request's JSON, never of the server's Go types.
func TestErrorsShowNoGoTypes(t *testing.T) {
	c := newTestServer(t, nil)
	for _, tc := range []struct{ endpoint, body string }{
		{"data/entityQuery", `{"typeName":5}`},
		{"data/entityQuery", `{"typeName":"Task","fields":"Name"}`},
		{"data/entityQuery", `{"typeName":"Task","paging":{"limit":"x"}}`},
		{"data/entityQuery", `{"typeName":"Task","paging":{"limit":1e400}}`},
		{"data/entityQuery", `{"typeName":"Task","where":{"leftExpression":{"fieldName":7},"operator":"Equal","rightExpression":{"value":1}}}`},
		{"data/entityQuery", `{"typeName":"Task","where":{"leftExpression":{"fieldName":"Name"},"operator":"Equal","rightExpression":{"value":{"a":[1]}}}}`},
		{"data/entityQuery", `[1,2]`},
		{"data/aggregateQuery", `{"typeName":"Task","aggregations":{"function":"Count"}}`},
		{"data/relationQuery", `{"entityId":["x"]}`},
		{"data/countQuery", `{"query":"Task"}`},
		{"data/query", `{"q":5}`},
		{"data/query", `{"q":"SELECT Name FROM Task WHERE Name = :p","parameters":{"p":{"x":1}}}`},
		{"bulk/execute", `{"requests":{"url":1}}`},
		{"data/objects/Task/t1", `{"Name":`},
	} {
		_, body := c.do("POST", tc.endpoint, tc.body)
		var e struct{ Message string }
		json.Unmarshal(body, &e)
		for _, bad := range []string{"Go ", "struct", "int64", "float64", "[]", "map[", "*api", "interface", "sandbox.", "api."} {
			if strings.Contains(e.Message, bad) {
				t.Errorf("%s %s: message %q shows %q", tc.endpoint, tc.body, e.Message, bad)
			}
		}
	}
}

// TestTextConditionsPerOwnerAreBounded sends a relation whose where is
// CZQL text, which is parsed again for each owner row: the parsing is
// counted against the budget.
func TestTextConditionsPerOwnerAreBounded(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.MaxWork = 50_000 })
	text := "Name <> '" + strings.Repeat("x", 30_000) + "'"
	body := `{"typeName":"User","fields":["Name"],"relations":[{"name":"DirectReports","fields":["Name"],"where":{"text":"` + text + `"}}]}`
	code, out := c.do("POST", "data/entityQuery", body)
	if code != 500 || !bytes.Contains(out, []byte("more work")) {
		t.Errorf("%d %.200s", code, out)
	}
}

// TestPanicsAnswerInternal checks that a failure the server did not
// foresee answers Internal without showing the server's insides, and
// that a deliberate abort still aborts.
func TestPanicsAnswerInternal(t *testing.T) {
	rec := httptest.NewRecorder()
	func() {
		defer recoverInternal(rec)
		panic(fmt.Errorf("runtime error: index out of range in *sandbox.record"))
	}()
	var e struct{ ErrorCode, Message string }
	json.Unmarshal(rec.Body.Bytes(), &e)
	if rec.Code != 500 || e.ErrorCode != "Internal" || strings.Contains(e.Message, "sandbox") || strings.Contains(e.Message, "index") {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	func() {
		defer recoverInternal(httptest.NewRecorder())
		panic(http.ErrAbortHandler)
	}()
}

// TestDescribeRepeatedNames checks that a describeMetadata call naming
// one entity many times describes it once.
func TestDescribeRepeatedNames(t *testing.T) {
	c := newTestServer(t, nil)
	names := strings.TrimSuffix(strings.Repeat("Task,task,", 20000), ",")
	code, body := c.do("GET", "metadata/describeMetadata?flags=fields&typeNames="+names, "")
	var res struct{ EntityDescriptions []json.RawMessage }
	json.Unmarshal(body, &res)
	if code != 200 || len(res.EntityDescriptions) != 1 {
		t.Errorf("%d, %d descriptions", code, len(res.EntityDescriptions))
	}
}
