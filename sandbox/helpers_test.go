package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/api"
	_ "github.com/czql/czql/internal/golden"
	"github.com/czql/czql/metadata"
)

// fixture loads the shared metadata and the small dataset.
func fixture(t testing.TB) (*metadata.Metadata, *Dataset) {
	t.Helper()
	md, err := metadata.Load("../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	data, err := LoadDataset("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	return md, data
}

// tclient talks to a test server with a session.
type tclient struct {
	t       testing.TB
	srv     *Server
	session string
}

func newTestServer(t testing.TB, mod func(*Options)) *tclient {
	t.Helper()
	md, data := fixture(t)
	opts := Options{Metadata: md, Data: data, RateLimit: -1}
	if mod != nil {
		mod(&opts)
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	c := &tclient{t: t, srv: srv}
	code, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
	if code != 200 {
		t.Fatalf("login: %d %s", code, body)
	}
	var res struct{ SessionID string }
	json.Unmarshal(body, &res)
	c.session = res.SessionID
	return c
}

func (c *tclient) do(method, endpoint, body string) (int, []byte) {
	req := httptest.NewRequest(method, "http://sandbox.test/v2.0/services/"+endpoint, strings.NewReader(body))
	if c.session != "" {
		req.Header.Set("Authorization", "Session "+c.session)
	}
	rec := httptest.NewRecorder()
	c.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// query posts to a data endpoint and returns the compacted body.
func (c *tclient) query(endpoint, body string) string {
	c.t.Helper()
	code, out := c.do("POST", endpoint, body)
	if code != 200 {
		c.t.Fatalf("%s %s: HTTP %d %s", endpoint, body, code, out)
	}
	return string(out)
}

// ids returns the ids of the entities of a query answer.
func (c *tclient) ids(endpoint, body string) string {
	c.t.Helper()
	var res struct{ Entities []map[string]any }
	if err := json.Unmarshal([]byte(c.query(endpoint, body)), &res); err != nil {
		c.t.Fatal(err)
	}
	var ids []string
	for _, e := range res.Entities {
		id, _ := e["id"].(string)
		ids = append(ids, id[strings.LastIndexByte(id, '/')+1:])
	}
	return strings.Join(ids, ",")
}

// errorCode returns the errorCode of a failed call, checking HTTP 500 and
// a referenceId.
func (c *tclient) errorCode(endpoint, body string) string {
	c.t.Helper()
	code, out := c.do("POST", endpoint, body)
	var e struct{ ErrorCode, Message, ReferenceID string }
	if err := json.Unmarshal(out, &e); err != nil || code != 500 || e.ReferenceID == "" {
		c.t.Fatalf("%s: want an HTTP 500 error body, got %d %s", endpoint, code, out)
	}
	return e.ErrorCode
}

func compact(s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		return s
	}
	return b.String()
}

// clock is an injectable clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

var _ = http.StatusOK

// loginAt logs in as the demo user at the API base url and returns the
// session id.
func loginAt(t testing.TB, url string) string {
	t.Helper()
	resp, err := http.Post(url+"/authentication/login", "application/json", strings.NewReader(`{"userName":"demo","password":"demo"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ SessionID string }
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || res.SessionID == "" {
		t.Fatalf("login: %d %v", resp.StatusCode, err)
	}
	return res.SessionID
}

// mustEntityQuery decodes an entityQuery.
func mustEntityQuery(t testing.TB, body string) *api.EntityQuery {
	t.Helper()
	var q api.EntityQuery
	if err := json.Unmarshal([]byte(body), &q); err != nil {
		t.Fatal(err)
	}
	return &q
}
