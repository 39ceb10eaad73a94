package sandbox

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var fuzzEndpoints = []string{"data/query", "data/entityQuery", "data/aggregateQuery", "data/relationQuery", "data/countQuery", "bulk/execute", "metadata/describeMetadata", "data/objects/Task/t1", "authentication/login",
	"data/search", "data/changeState", "data/getCalendarInfo", "data/findUserQuery", "data/expenseQuery", "data/timesheetQuery",
	"metadata/describeEntities", "metadata/describeEntityRelations", "files/download", "data/objects/task"}

// fuzzMethods are the methods FuzzRequestParams sends.
var fuzzMethods = []string{"GET", "POST", "PUT", "DELETE"}

// FuzzDecodeRequest sends arbitrary bodies to every endpoint: the server
// must answer, never panic.
func FuzzDecodeRequest(f *testing.F) {
	f.Add(uint8(1), `{"typeName":"Task","where":{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"%a_"}}}`)
	f.Add(uint8(0), `{"q":"SELECT Name FROM Task WHERE Name = :p","parameters":{"p":1}}`)
	c := newTestServer(f, nil)
	f.Fuzz(func(t *testing.T, ep uint8, body string) {
		endpoint := fuzzEndpoints[int(ep)%len(fuzzEndpoints)]
		req := httptest.NewRequest("POST", "http://x/v2.0/services/"+endpoint, strings.NewReader(body))
		req.Header.Set("Authorization", "Session "+c.session)
		c.srv.ServeHTTP(httptest.NewRecorder(), req)
	})
}

// FuzzRequestParams sends arbitrary query strings and bodies, gzipped or
// not, with any method, to every endpoint: the server must answer, never
// panic.
func FuzzRequestParams(f *testing.F) {
	f.Add(uint8(0), uint8(1), "typeName=Task&fields=Name&where=%7BText:'Name+LIKE+%22a%25%22'%7D&paging=%7Blimit:1%7D", []byte(""), false)
	f.Add(uint8(1), uint8(10), "", []byte("ids=%2FTask%2Ft1&state=Active"), false)
	f.Add(uint8(2), uint8(18), "", []byte("{Name: 'x', Work: '8h'}"), true)
	f.Add(uint8(0), uint8(6), "TypeNames=Task&Flags=fields", []byte(nil), false)
	c := newTestServer(f, nil)
	f.Fuzz(func(t *testing.T, method, ep uint8, query string, body []byte, gz bool) {
		endpoint := fuzzEndpoints[int(ep)%len(fuzzEndpoints)]
		if gz {
			body = gzipped(t, body)
		}
		req := httptest.NewRequest(fuzzMethods[int(method)%len(fuzzMethods)], "http://x/v2.0/services/"+endpoint, bytes.NewReader(body))
		req.URL.RawQuery = query
		req.Header.Set("Authorization", "Session "+c.session)
		if gz {
			req.Header.Set("Content-Encoding", "gzip")
		}
		c.srv.ServeHTTP(httptest.NewRecorder(), req)
	})
}

// BenchmarkEntityQuery measures an entityQuery with a 3-condition filter
// over 100,000 generated tasks.
func BenchmarkEntityQuery(b *testing.B) {
	md, _ := fixture(b)
	data := NewDataset()
	data.Add("User", Row{"id": "/User/u1", "Name": "Sam"})
	states := []string{"Active", "Draft", "Completed"}
	for i := range 100000 {
		data.Add("Task", Row{"id": fmt.Sprintf("/Task/t%d", i), "Name": fmt.Sprintf("Task %d", i), "State": "/State/" + states[i%3],
			"PercentCompleted": float64(i % 101), "Manager": "/User/u1", "DueDate": time.Date(2024, 1, 1+i%365, 17, 0, 0, 0, time.UTC).Format("2006-01-02T15:04:05")})
	}
	srv, err := New(Options{Metadata: md, Data: data, RateLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	c := &tclient{t: b, srv: srv}
	_, out := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
	c.session = strings.Split(string(out), `"`)[3]
	body := `{"typeName":"Task","fields":["Name","Manager.Name"],"where":{"and":[` +
		`{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}},` +
		`{"leftExpression":{"fieldName":"PercentCompleted"},"operator":"GreaterThan","rightExpression":{"value":50}},` +
		`{"leftExpression":{"fieldName":"DueDate"},"operator":"LessThan","rightExpression":{"value":"2024-07-01"}}]},"paging":{"limit":1000}}`
	b.ResetTimer()
	for b.Loop() {
		c.query("data/entityQuery", body)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "queries/s")
	b.ReportMetric(float64(b.N)*100000/b.Elapsed().Seconds(), "rows/s")
}
