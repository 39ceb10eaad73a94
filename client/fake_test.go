package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/czql/czql/internal/golden" // registers -update for go test ./...
)

// Test credentials of the fake server.
const (
	testUser     = "alice@example.com"
	testPassword = "pa55-W0rd!secret"
	testAPIKey   = "key-123"
)

// recorded is one request seen by the fake server.
type recorded struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

// fake is a minimal Clarizen API on 127.0.0.1: discovery under /disc,
// the organisation under /api. Data endpoints are answered by handle.
type fake struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	reqs     []recorded
	logins   int
	next     int
	sessions map[string]bool
	// expire401 answers expired sessions with HTTP 401 instead of
	// 500 SessionTimeout.
	expire401 bool
	// loginBroken makes every new session invalid at once.
	loginBroken bool
	// handle answers authenticated calls to /api paths.
	handle func(w http.ResponseWriter, r *http.Request, body []byte)
}

// newFake starts a fake server closed at the end of the test.
func newFake(t *testing.T) *fake {
	f := &fake{t: t, sessions: map[string]bool{}}
	f.handle = func(w http.ResponseWriter, r *http.Request, body []byte) {
		writeJSON(w, 200, map[string]any{"entities": []any{}, "paging": map[string]any{"from": 0, "limit": 100, "hasMore": false}})
	}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// serve records the request and routes it.
func (f *fake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs = append(f.reqs, recorded{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(body)})
	f.mu.Unlock()
	switch r.URL.Path {
	case "/disc/authentication/getServerDefinition":
		writeJSON(w, 200, map[string]string{"serverLocation": f.srv.URL + "/api"})
	case "/api/authentication/login":
		f.login(w, body)
	case "/api/authentication/logout":
		f.mu.Lock()
		delete(f.sessions, strings.TrimPrefix(r.Header.Get("Authorization"), "Session "))
		f.mu.Unlock()
		w.WriteHeader(200)
	default:
		if !f.authorized(r) {
			f.expired(w)
			return
		}
		if r.URL.Path == "/api/authentication/getSessionInfo" {
			writeJSON(w, 200, map[string]string{"sessionId": "x", "userId": "/User/1", "organizationId": "/Organization/9", "licenseType": "Full"})
			return
		}
		f.handle(w, r, body)
	}
}

// login checks the credentials and opens a session.
func (f *fake) login(w http.ResponseWriter, body []byte) {
	var c struct{ UserName, Password string }
	if json.Unmarshal(body, &c) != nil || c.UserName != testUser || c.Password != testPassword {
		writeJSON(w, 500, map[string]string{"errorCode": "LoginFailure", "message": "bad user or password " + c.Password})
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logins++
	f.next++
	id := fmt.Sprintf("S%d", f.next)
	f.sessions[id] = !f.loginBroken
	writeJSON(w, 200, map[string]string{"sessionId": id, "userId": "/User/1"})
}

// authorized checks the Authorization header.
func (f *fake) authorized(r *http.Request) bool {
	a := r.Header.Get("Authorization")
	if a == "ApiKey "+testAPIKey {
		return true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.HasPrefix(a, "Session ") && f.sessions[strings.TrimPrefix(a, "Session ")]
}

// expired answers like the real API for a bad session.
func (f *fake) expired(w http.ResponseWriter) {
	if f.expire401 {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	writeJSON(w, 500, map[string]string{"errorCode": "SessionTimeout", "message": "Session expired", "referenceId": "ref1"})
}

// expireAll invalidates every session.
func (f *fake) expireAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k := range f.sessions {
		f.sessions[k] = false
	}
}

// requests returns the recorded requests whose path ends with suffix
// ("" for all).
func (f *fake) requests(suffix string) []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []recorded
	for _, r := range f.reqs {
		if strings.HasSuffix(r.Path, suffix) {
			out = append(out, r)
		}
	}
	return out
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// sleeps records the waits of a client's injected Sleep.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

// sleep records d without waiting, honouring ctx.
func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

// newClient returns a client for f with recorded sleeps and debug output.
func newClient(t *testing.T, f *fake, mod func(*Config)) (*Client, *sleeps, *bytes.Buffer) {
	t.Helper()
	s, dbg := &sleeps{}, &bytes.Buffer{}
	cfg := Config{URL: f.srv.URL + "/disc", User: testUser, Password: testPassword, Sleep: s.sleep, Debug: dbg}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, s, dbg
}
