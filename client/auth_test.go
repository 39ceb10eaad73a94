package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/czql/czql/api"
)

func TestLoginAndQuery(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, body []byte) {
		writeJSON(w, 200, map[string]any{"entities": []any{map[string]any{"id": "/Task/1", "Name": "A"}}, "paging": map[string]any{"from": 1, "limit": 100, "hasMore": false}})
	}
	c, _, _ := newClient(t, f, nil)
	ctx := context.Background()
	resp, err := c.Query(ctx, &api.Query{Q: "SELECT Name FROM Task"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Entities) != 1 || string(resp.Entities[0]["Name"]) != `"A"` || *resp.Paging.From != 1 {
		t.Fatalf("response = %+v", resp)
	}
	if n := len(f.requests("/getServerDefinition")); n != 1 {
		t.Errorf("getServerDefinition calls = %d, want 1", n)
	}
	q := f.requests("/data/query")
	if len(q) != 1 {
		t.Fatalf("query calls = %d", len(q))
	}
	r := q[0]
	want := map[string]string{"Authorization": "Session S1", "Accept": "application/json", "Accept-Encoding": "gzip", "Content-Type": "application/json"}
	for k, v := range want {
		if got := r.Header.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if r.Method != "POST" || r.Path != "/api/data/query" || strings.TrimSpace(r.Body) != `{"q":"SELECT Name FROM Task"}` {
		t.Errorf("request = %s %s %s", r.Method, r.Path, r.Body)
	}
}

func TestAPIKeySkipsLogin(t *testing.T) {
	f := newFake(t)
	c, _, _ := newClient(t, f, func(cfg *Config) { cfg.User, cfg.Password, cfg.APIKey = "", "", testAPIKey })
	if _, err := c.EntityQuery(context.Background(), &api.EntityQuery{TypeName: "Task"}); err != nil {
		t.Fatal(err)
	}
	if len(f.requests("/login")) != 0 {
		t.Error("API key client called login")
	}
	if got := f.requests("/entityQuery")[0].Header.Get("Authorization"); got != "ApiKey "+testAPIKey {
		t.Errorf("Authorization = %q", got)
	}
}

func TestSessionReuse(t *testing.T) {
	f := newFake(t)
	dir := filepath.Join(t.TempDir(), "czql")
	ctx := context.Background()
	mod := func(cfg *Config) { cfg.SessionDir = dir }
	c1, _, _ := newClient(t, f, mod)
	if err := c1.Login(ctx); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, c1.sessionName())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("session file mode = %v, want 0600", fi.Mode().Perm())
	}
	if strings.Contains(filepath.Base(path), testUser) {
		t.Errorf("session file name %s shows the user", path)
	}
	// A second client (a later run) reuses the session without logging in.
	os.Chmod(path, 0o644)
	c2, _, _ := newClient(t, f, mod)
	if _, err := c2.CountQuery(ctx, &api.CountQuery{Query: &api.EntityQuery{TypeName: "Task"}}); err != nil {
		t.Fatal(err)
	}
	if f.logins != 1 {
		t.Errorf("logins = %d, want 1 (session reused)", f.logins)
	}
	if got := f.requests("/countQuery")[0].Header.Get("Authorization"); got != "Session S1" {
		t.Errorf("Authorization = %q, want the stored session", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("loose session file mode not fixed: %v", fi.Mode().Perm())
	}
	if err := c2.Logout(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("session file still there after Logout: %v", err)
	}
	if len(f.requests("/logout")) != 1 {
		t.Error("Logout did not call the server")
	}
}

func TestSessionFileHoldsNoPassword(t *testing.T) {
	f := newFake(t)
	dir := t.TempDir()
	c, _, _ := newClient(t, f, func(cfg *Config) { cfg.SessionDir = dir })
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, c.sessionName()))
	if err != nil {
		t.Fatal(err)
	}
	var s sessionFile
	if err := json.Unmarshal(b, &s); err != nil || s.SessionID != "S1" || s.ServerLocation != f.srv.URL+"/api" {
		t.Errorf("session file = %s (%v)", b, err)
	}
	if strings.Contains(string(b), testPassword) {
		t.Error("session file holds the password")
	}
}

func TestRelogin(t *testing.T) {
	for _, use401 := range []bool{false, true} {
		t.Run(map[bool]string{false: "SessionTimeout", true: "401"}[use401], func(t *testing.T) {
			f := newFake(t)
			f.expire401 = use401
			c, _, _ := newClient(t, f, nil)
			ctx := context.Background()
			if _, err := c.ListEntities(ctx); err != nil {
				t.Fatal(err)
			}
			f.expireAll()
			if _, err := c.SessionInfo(ctx); err != nil {
				t.Fatalf("after expiry: %v", err)
			}
			if f.logins != 2 {
				t.Errorf("logins = %d, want 2", f.logins)
			}
			info := f.requests("/getSessionInfo")
			if len(info) != 2 || info[1].Header.Get("Authorization") != "Session S2" {
				t.Errorf("replay = %+v", info)
			}
		})
	}
}

// TestReloginAgain checks that a session that expires again right after
// a re-login is renewed again within the same call, and that the renewals
// are bounded: a server whose sessions never work gets 1+maxRelogins
// logins and as many tries of the call, then the SessionTimeout.
func TestReloginAgain(t *testing.T) {
	for _, tc := range []struct {
		expiries int // the data calls answered SessionTimeout before one succeeds
		logins   int
		ok       bool
	}{
		{1, 2, true},
		{2, 3, true},
		{maxRelogins, 1 + maxRelogins, true},
		{maxRelogins + 1, 1 + maxRelogins, false},
		{100, 1 + maxRelogins, false},
	} {
		f := newFake(t)
		var calls int
		f.handle = func(w http.ResponseWriter, r *http.Request, body []byte) {
			if calls++; calls <= tc.expiries {
				f.expireAll()
				f.expired(w)
				return
			}
			writeJSON(w, 200, map[string]any{"typeNames": []string{"Task"}})
		}
		c, _, _ := newClient(t, f, nil)
		_, err := c.ListEntities(context.Background())
		if (err == nil) != tc.ok || !tc.ok && !IsSessionTimeout(err) {
			t.Errorf("%d expiries: err = %v, want ok=%v", tc.expiries, err, tc.ok)
		}
		if f.logins != tc.logins || calls != tc.logins {
			t.Errorf("%d expiries: %d logins, %d calls; want %d and %d", tc.expiries, f.logins, calls, tc.logins, tc.logins)
		}
	}
}

func TestGetServerDefinitionSendsTheCredentials(t *testing.T) {
	f := newFake(t)
	c, _, _ := newClient(t, f, nil)
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	var body struct{ UserName, Password string }
	sd := f.requests("/getServerDefinition")
	if len(sd) != 1 || json.Unmarshal([]byte(sd[0].Body), &body) != nil || body.UserName != testUser || body.Password != testPassword {
		t.Fatalf("getServerDefinition requests %+v, want one with userName and password", sd)
	}
	if sd[0].Method != "POST" || sd[0].Query != "" || sd[0].Header.Get("Content-Type") != "application/json" {
		t.Errorf("getServerDefinition sent as %s ?%s (%s)", sd[0].Method, sd[0].Query, sd[0].Header.Get("Content-Type"))
	}
	// With an API key nothing but the key is sent.
	f2 := newFake(t)
	k, _, _ := newClient(t, f2, func(cfg *Config) { cfg.User, cfg.Password, cfg.APIKey = "", "", testAPIKey })
	if err := k.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	if sd := f2.requests("/getServerDefinition"); len(sd) != 1 || strings.TrimSpace(sd[0].Body) != "{}" {
		t.Errorf("API key getServerDefinition = %+v, want an empty body", sd)
	}
}

func TestLoginFailure(t *testing.T) {
	f := newFake(t)
	c, _, _ := newClient(t, f, func(cfg *Config) { cfg.Password = "wrong" })
	err := c.Login(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Code != "LoginFailure" {
		t.Fatalf("err = %v", err)
	}
	if len(f.requests("/login")) != 1 {
		t.Error("a LoginFailure was retried")
	}
}

func TestConcurrentReloginOnce(t *testing.T) {
	f := newFake(t)
	c, _, _ := newClient(t, f, nil)
	ctx := context.Background()
	if err := c.Login(ctx); err != nil {
		t.Fatal(err)
	}
	f.expireAll()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			_, err := c.ListEntities(ctx)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if f.logins != 2 {
		t.Errorf("logins = %d, want 2 (one shared re-login)", f.logins)
	}
}
