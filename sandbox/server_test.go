package sandbox

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

func TestAggregateRelationsCount(t *testing.T) {
	c := newTestServer(t, nil)
	got := c.query("data/aggregateQuery", `{"typeName":"Task","groupBy":["State"],"aggregations":[{"function":"Count","fieldName":"Name","alias":"Cnt"},{"function":"Sum","fieldName":"PercentCompleted"}],"orders":[{"fieldName":"Cnt","order":"Descending"}]}`)
	want := `{"entities":[{"id":null,"State":{"id":"/State/Active"},"Cnt":2.0,"Sum_PercentCompleted":50.0},{"id":null,"State":{"id":"/State/Draft"},"Cnt":1.0,"Sum_PercentCompleted":90.0},{"id":null,"State":{"id":"/State/Completed"},"Cnt":1.0,"Sum_PercentCompleted":100.0}],"paging":{"from":3,"limit":100,"hasMore":false}}`
	if got != want {
		t.Errorf("aggregate:\n got %s\nwant %s", got, want)
	}
	got = c.query("data/entityQuery", `{"typeName":"Task","fields":["Name"],"relations":[{"name":"resources","fields":["Name"]}],"paging":{"limit":2}}`)
	want = `{"entities":[{"id":"/Task/t1","Name":"Design API","resources":{"entities":[{"id":"/User/u2","Name":"Ana Bell"},{"id":"/User/u3","Name":"Noa Park"}]}},{"id":"/Task/t2","Name":"Build UI","resources":{"entities":[{"id":"/User/u1","Name":"Sam Stone"}]}}],"paging":{"from":2,"limit":2,"hasMore":true}}`
	if got != want {
		t.Errorf("relations:\n got %s\nwant %s", got, want)
	}
	if got := c.ids("data/relationQuery", `{"entityId":"/User/u1","relationName":"DirectReports"}`); got != "u2,u3" {
		t.Errorf("relationQuery: %s", got)
	}
	if got := c.query("data/countQuery", `{"query":{"_type":"entityQuery","typeName":"Task","where":{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}}}}`); got != `{"count":2}` {
		t.Errorf("count: %s", got)
	}
}

func TestCZQLQuery(t *testing.T) {
	c := newTestServer(t, nil)
	got := c.query("data/query", `{"q":"SELECT Name, Manager.Name FROM Task WHERE PercentCompleted >= :min ORDER BY Name LIMIT 2","parameters":{"min":50}}`)
	want := `{"entities":[{"id":"/Task/t2","Name":"Build UI","Manager":{"id":"/User/u2","Name":"Ana Bell"}},{"id":"/Task/t1","Name":"Design API","Manager":{"id":"/User/u1","Name":"Sam Stone"}}],"paging":{"from":2,"limit":2,"hasMore":true}}`
	if got != want {
		t.Errorf("got %s", got)
	}
	if got := c.ids("data/query", `{"q":"SELECT Name FROM Task WHERE PercentCompleted >= :min ORDER BY Name LIMIT 2","parameters":{"min":50},"paging":{"from":2,"limit":2}}`); got != "t3" {
		t.Errorf("continuation: %s", got)
	}
}

func TestErrors(t *testing.T) {
	c := newTestServer(t, nil)
	for body, want := range map[string]string{
		`{"typeName":"Nope"}`:                     "InvalidField",
		`{"typeName":"Task","fields":["Nope"]}`:   "InvalidField",
		`{"typeName":"Task","fields":["Name.X"]}`: "InvalidField",
		`{"typeName":`:                            "InvalidQuery",
	} {
		if got := c.errorCode("data/entityQuery", body); got != want {
			t.Errorf("%s: %s, want %s", body, got, want)
		}
	}
	if got := c.errorCode("data/query", `{"q":"SELECT FROM"}`); got != "InvalidQuery" {
		t.Errorf("bad CZQL: %s", got)
	}
	if got := c.errorCode("authentication/login", `{"userName":"demo","password":"x"}`); got != "LoginFailure" {
		t.Errorf("login: %s", got)
	}
	c.session = "bogus"
	if got := c.errorCode("data/entityQuery", `{"typeName":"Task"}`); got != "SessionTimeout" {
		t.Errorf("session: %s", got)
	}
}

func TestSessionExpiry(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now, o.SessionTTL = clk.now, time.Minute })
	clk.t = clk.t.Add(59 * time.Second)
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	clk.t = clk.t.Add(61 * time.Second)
	if got := c.errorCode("data/countQuery", `{"query":{"typeName":"Task"}}`); got != "SessionTimeout" {
		t.Errorf("got %s", got)
	}
}

func TestRateLimit(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now, o.RateLimit = clk.now, 0 })
	for i := 0; i < 25; i++ {
		c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	}
	req, body := "data/countQuery", `{"query":{"typeName":"Task"}}`
	code, out := c.do("POST", req, body)
	if code != 429 || string(out) != rateLimitBody(25) {
		t.Fatalf("got %d %s", code, out)
	}
	clk.t = clk.t.Add(time.Second)
	c.query(req, body)
}

func TestFaults(t *testing.T) {
	for name, f := range map[string]Faults{
		"error": {ErrorRate: 1}, "ratelimit": {RateLimitRate: 1}, "expire": {ExpireRate: 1}, "truncate": {TruncateRate: 1},
	} {
		c := newTestServer(t, func(o *Options) { o.Faults = f })
		code, out := c.do("POST", "data/countQuery", `{"query":{"typeName":"Task"}}`)
		ok := map[string]bool{
			"error":     code == 500 && bytes.Contains(out, []byte(`"General"`)),
			"ratelimit": code == 429,
			"expire":    code == 500 && bytes.Contains(out, []byte("SessionTimeout")),
			"truncate":  code == 200 && string(out) == `{"cou`,
		}[name]
		if !ok {
			t.Errorf("%s: %d %s", name, code, out)
		}
	}
	md, data := fixture(t)
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data, Faults: Faults{DropRate: 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	req, _ := http.NewRequest("POST", r.URL+"/data/countQuery", strings.NewReader("{}"))
	req.Header.Set("Authorization", "Session "+loginAt(t, r.URL))
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Error("dropped connection: want an error")
	}
}

func TestStartAndServerDefinition(t *testing.T) {
	md, data := fixture(t)
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	resp, err := http.Post(r.URL+"/authentication/getServerDefinition", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	if !strings.Contains(b.String(), `"serverLocation":"`+r.URL+`"`) {
		t.Errorf("got %s", b.String())
	}
}

func TestDemo(t *testing.T) {
	a, _ := os.ReadFile("demo/metadata.json")
	b, _ := os.ReadFile("../testdata/metadata/clarizen.json")
	if !bytes.Equal(a, b) {
		t.Fatal("demo/metadata.json differs from testdata/metadata/clarizen.json")
	}
	md, data, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(data.Rows("Task")); n != 4500 {
		t.Errorf("tasks: %d", n)
	}
	st, err := newStore(md, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range st.byID {
		for k, v := range rec.row {
			if f := rec.ent.Field(k); f != nil && f.Type == "Entity" && len(f.ReferencedEntities) > 0 && v != nil && st.get(text(v)) == nil {
				t.Fatalf("%s.%s = %v points nowhere", rec.row.ID(), k, v)
			}
		}
	}
}
