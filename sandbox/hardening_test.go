package sandbox

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/czql/czql/parser"
)

// countingBody is a request body that counts the bytes read from it.
type countingBody struct {
	r    io.Reader
	read int
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += n
	return n, err
}

// deepNot returns a where of n nested nots around a comparison; each
// level carries pad bytes of an ignored member.
func deepNot(n, pad int) string {
	filler := `"_note":"` + strings.Repeat("x", pad) + `",`
	return strings.Repeat(`{`+filler+`"not":`, n) + `{"leftExpression":{"fieldName":"Name"},"operator":"Equal","rightExpression":{"value":"x"}}` + strings.Repeat("}", n)
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDeepConditions sends conditions nested 10,000 levels deep (a 4 MB
// body), as JSON and as CZQL text, directly and inside a bulk call: each
// is refused with InvalidQuery in linear time and memory. A condition
// within MaxConditionDepth is answered; one just beyond it is refused.
func TestDeepConditions(t *testing.T) {
	c := newTestServer(t, nil)
	deep := `{"typeName":"Task","where":` + deepNot(10000, 400) + `}`
	if len(deep) < 4_000_000 {
		t.Fatalf("body of %d bytes, want 4 MB", len(deep))
	}
	czql := `{"q":"SELECT Name FROM Task WHERE ` + strings.Repeat("NOT (", 10000) + "Name = 'x'" + strings.Repeat(")", 10000) + `"}`
	bulk := `{"requests":[{"url":"/data/entityQuery","method":"POST","body":{"typeName":"Task","where":` + deepNot(5000, 800) + `}}]}`
	for name, tc := range map[string]struct{ endpoint, body string }{
		"json": {"data/entityQuery", deep}, "czql": {"data/query", czql}, "count": {"data/countQuery", `{"query":` + deep + `}`},
	} {
		var code string
		start := time.Now()
		alloc := allocated(func() { code = c.errorCode(tc.endpoint, tc.body) })
		if code != "InvalidQuery" {
			t.Errorf("%s: %s", name, code)
		}
		if alloc > 64<<20 {
			t.Errorf("%s: a %d-byte request allocated %d MB", name, len(tc.body), alloc>>20)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: answered in %v", name, d)
		}
	}
	alloc := allocated(func() {
		var res bulkReply
		code, body := c.do("POST", "bulk/execute", bulk)
		json.Unmarshal(body, &res)
		if code != 200 || len(res.Responses) != 1 || !bytes.Contains(res.Responses[0].Body, []byte("nested more than")) {
			t.Errorf("bulk: HTTP %d %.300s", code, body)
		}
	})
	if alloc > 64<<20 {
		t.Errorf("bulk: allocated %d MB", alloc>>20)
	}
	within := `{"typeName":"Task","where":` + deepNot(MaxConditionDepth, 0) + `}`
	if got := c.ids("data/entityQuery", within); got != "" {
		t.Errorf("%d nots of Name = 'x': %q", MaxConditionDepth, got)
	}
	beyond := `{"typeName":"Task","where":` + deepNot(MaxConditionDepth+1, 0) + `}`
	code, body := c.do("POST", "data/entityQuery", beyond)
	if code != 500 || !bytes.Contains(body, []byte("nested more than")) {
		t.Errorf("%d levels: %d %s", MaxConditionDepth+1, code, body)
	}
}

// TestAuthenticationBeforeBody checks that a call without a valid session
// is answered without reading its body and without counting against the
// organisation's rate limit: a flood of them leaves an authenticated
// client its 25 calls per second.
func TestAuthenticationBeforeBody(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now, o.RateLimit = clk.now, 0 })
	for i := range 1000 {
		body := &countingBody{r: strings.NewReader(strings.Repeat(" ", 1<<20))}
		req := httptest.NewRequest("POST", "http://sandbox.test/v2.0/services/data/countQuery", body)
		if i%2 == 0 {
			req.Header.Set("Authorization", "Session forged")
		}
		rec := httptest.NewRecorder()
		c.srv.ServeHTTP(rec, req)
		if rec.Code != 500 || body.read != 0 {
			t.Fatalf("request %d: HTTP %d, %d body bytes read: %s", i, rec.Code, body.read, rec.Body)
		}
	}
	for range DefaultRateLimit {
		c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	}
}

// TestUnauthenticatedFloodOverTheNetwork has 48 clients, six times the
// connections the server serves at once, announce 8 MB bodies without a
// session and send them slowly, again and again, while an authenticated
// client keeps being answered: the flood is answered without reading the
// bodies, its connections are closed, and the server holds none of its
// bodies.
func TestUnauthenticatedFloodOverTheNetwork(t *testing.T) {
	md, data := fixture(t)
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data, MaxConnections: 8})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	addr := strings.TrimPrefix(strings.TrimSuffix(r.URL, "/v2.0/services"), "http://")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 48 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					floodOnce(addr, stop)
				}
			}
		}()
	}
	session := loginAt(t, r.URL)
	for i := range 20 {
		req, _ := http.NewRequest("POST", r.URL+"/data/countQuery", strings.NewReader(`{"query":{"typeName":"Task"}}`))
		req.Header.Set("Authorization", "Session "+session)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(out) != `{"count":4}` {
			t.Fatalf("call %d: %d %s", i, resp.StatusCode, out)
		}
	}
	close(stop)
	wg.Wait()
	if peak := r.Server.bodies.peak; peak > 64<<10 {
		t.Errorf("the server held %d bytes of bodies at once", peak)
	}
}

// floodOnce sends the head of an unauthenticated 8 MB request and then
// a byte at a time until stop, reading whatever the server answers.
func floodOnce(addr string, stop chan struct{}) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v2.0/services/data/entityQuery HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", 8<<20)
	closed := make(chan struct{})
	go func() {
		io.Copy(io.Discard, conn)
		close(closed)
	}()
	for {
		select {
		case <-stop:
			return
		case <-closed:
			return
		case <-time.After(20 * time.Millisecond):
			if _, err := conn.Write([]byte(" ")); err != nil {
				return
			}
		}
	}
}

// TestSlowBody sends an authenticated request whose body arrives at a
// byte every 100 ms: the server gives up on it after BodyTimeout instead
// of waiting forever.
func TestSlowBody(t *testing.T) {
	md, data := fixture(t)
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data, BodyTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	session := loginAt(t, r.URL)
	conn, err := net.Dial("tcp", strings.TrimPrefix(strings.TrimSuffix(r.URL, "/v2.0/services"), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"query":{"typeName":"Task"}}`
	fmt.Fprintf(conn, "POST /v2.0/services/data/countQuery HTTP/1.1\r\nHost: x\r\nAuthorization: Session %s\r\nContent-Length: %d\r\n\r\n", session, len(body))
	answered := make(chan string, 1)
	go func() {
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			answered <- "connection closed: " + err.Error()
			return
		}
		out, _ := io.ReadAll(resp.Body)
		answered <- fmt.Sprintf("%d %s", resp.StatusCode, out)
	}()
	deadline := time.After(20 * time.Second) // a generous ceiling
	for i := 0; ; i++ {
		select {
		case got := <-answered:
			if !strings.Contains(got, "did not arrive in time") && !strings.HasPrefix(got, "connection closed") {
				t.Errorf("answer %s", got)
			}
			if i >= len(body) {
				t.Errorf("the whole body was read before the answer")
			}
			return
		case <-deadline:
			t.Fatal("the slow body is still being read")
		case <-time.After(100 * time.Millisecond):
			if i < len(body)-1 {
				conn.Write([]byte{body[i]})
			}
		}
	}
}

// TestConnectionsAreBounded opens more idle connections than
// MaxConnections: the server serves at most that many at once and serves
// others as places free up.
func TestConnectionsAreBounded(t *testing.T) {
	md, data := fixture(t)
	r, err := Start(t.Context(), "127.0.0.1:0", Options{Metadata: md, Data: data, MaxConnections: 4})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	addr := strings.TrimPrefix(strings.TrimSuffix(r.URL, "/v2.0/services"), "http://")
	var idle []net.Conn
	for range 10 {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, conn)
	}
	waitFor(t, func() bool { return len(r.ln.slots) == 4 })
	for _, conn := range idle {
		conn.Close()
	}
	loginAt(t, r.URL)
	r.ln.mu.Lock()
	peak := r.ln.peak
	r.ln.mu.Unlock()
	if peak > 4 {
		t.Errorf("%d connections served at once, want at most 4", peak)
	}
}

// waitFor polls cond for up to a generous ceiling.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not reached")
}

// TestBodyBounds checks the size bounds of bodies: more than
// MaxRequestBytes announced is refused unread, more sent than that is cut,
// a login body is at most MaxLoginBytes, and a body that does not fit in
// the memory bodies may hold is answered 429.
func TestBodyBounds(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.MaxBodyMemory = 1 << 20 })
	send := func(endpoint string, body io.Reader, length int64) (*httptest.ResponseRecorder, *countingBody) {
		cb := &countingBody{r: body}
		req := httptest.NewRequest("POST", "http://sandbox.test/v2.0/services/"+endpoint, cb)
		req.ContentLength = length
		req.Header.Set("Authorization", "Session "+c.session)
		rec := httptest.NewRecorder()
		c.srv.ServeHTTP(rec, req)
		return rec, cb
	}
	rec, cb := send("data/countQuery", strings.NewReader(""), MaxRequestBytes+1)
	if rec.Code != 500 || cb.read != 0 || !strings.Contains(rec.Body.String(), "larger than") {
		t.Errorf("announced too large: %d, %d bytes read: %s", rec.Code, cb.read, rec.Body)
	}
	rec, cb = send("authentication/login", strings.NewReader(strings.Repeat(" ", 2*MaxLoginBytes)), -1)
	if rec.Code != 500 || cb.read > MaxLoginBytes+bodyChunk || !strings.Contains(rec.Body.String(), "larger than") {
		t.Errorf("login body: %d, %d bytes read: %s", rec.Code, cb.read, rec.Body)
	}
	rec, _ = send("data/countQuery", strings.NewReader(strings.Repeat(" ", 2<<20)), -1)
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "1" || c.srv.bodies.used != 0 {
		t.Errorf("body beyond the memory: %d %s, %d bytes still held", rec.Code, rec.Body, c.srv.bodies.used)
	}
	body := `{"query":{"typeName":"Task"}}` + strings.Repeat(" ", 512<<10)
	if rec, _ = send("data/countQuery", strings.NewReader(body), int64(len(body))); rec.Code != 200 || c.srv.bodies.used != 0 {
		t.Errorf("body within the memory: %d %s, %d bytes still held", rec.Code, rec.Body, c.srv.bodies.used)
	}
}

// TestDeepestCZQLIsAnswered sends CZQL texts nested as deep as the parser
// accepts, in the shapes that nest conditions most for each level the
// parser counts: every one is answered.
func TestDeepestCZQLIsAnswered(t *testing.T) {
	c := newTestServer(t, nil)
	const n = parser.MaxNesting
	first := "Name = 'x' OR Name = 'y' AND Manager IN (SELECT Name FROM User WHERE "
	sub := "Name = 'x' OR Name = 'y' AND DirectManager IN (SELECT Name FROM User WHERE "
	for name, where := range map[string]string{
		"not":      "Name = 'a' OR Name = 'b' AND " + strings.Repeat("NOT ", n) + "Name = 'x'",
		"parens":   strings.Repeat("Name = 'x' OR Name = 'y' AND (", n) + "Name = 'z'" + strings.Repeat(")", n),
		"subquery": first + strings.Repeat(sub, n-1) + "Name = 'z'" + strings.Repeat(")", n),
	} {
		body, _ := json.Marshal(map[string]string{"q": "SELECT Name FROM Task WHERE " + where})
		if code, out := c.do("POST", "data/query", string(body)); code != 200 {
			t.Errorf("%s: %d %.300s", name, code, out)
		}
	}
}
