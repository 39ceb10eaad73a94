package client

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

func TestPasswordNeverLeaks(t *testing.T) {
	f := newFake(t)
	f.expire401 = true
	var fail bool
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) {
		if fail {
			// A server that echoes the password back in an error.
			writeJSON(w, 500, map[string]string{"errorCode": "General", "message": "oops " + testPassword})
			return
		}
		writeJSON(w, 200, map[string]any{"entities": []any{}})
	}
	dir := t.TempDir()
	c, _, dbg := newClient(t, f, func(cfg *Config) { cfg.SessionDir = dir })
	ctx := context.Background()
	var errs []error
	_, err := c.Query(ctx, &api.Query{Q: "SELECT Name FROM Task"})
	errs = append(errs, err)
	f.expireAll()
	_, err = c.EntityQuery(ctx, &api.EntityQuery{TypeName: "Task"})
	errs = append(errs, err)
	fail = true
	_, err = c.Query(ctx, &api.Query{Q: "x"})
	errs = append(errs, err)
	bad, _, _ := newClient(t, f, func(cfg *Config) { cfg.Password = testPassword + "x"; cfg.Debug = dbg })
	errs = append(errs, bad.Login(ctx))
	c.Logout(ctx)

	for _, err := range errs {
		if err != nil && strings.Contains(err.Error(), testPassword) {
			t.Errorf("error shows the password: %v", err)
		}
	}
	if errs[2] == nil || errs[3] == nil {
		t.Fatalf("expected errors, got %v", errs)
	}
	if strings.Contains(dbg.String(), testPassword) {
		t.Errorf("debug output shows the password:\n%s", dbg)
	}
	if !strings.Contains(dbg.String(), "Authorization: Session [redacted]") || strings.Contains(dbg.String(), "Session S1") {
		t.Errorf("debug output does not redact the session:\n%s", dbg)
	}
	logins := 0
	for _, r := range f.requests("") {
		if strings.HasSuffix(r.Path, "/authentication/login") {
			logins++
			continue
		}
		if strings.HasSuffix(r.Path, "/authentication/getServerDefinition") {
			// The guide's discovery call: the password in the body only.
			if !strings.Contains(r.Body, testPassword) || strings.Contains(r.Query, testPassword) {
				t.Errorf("getServerDefinition body %q, query %q: want the password in the body only", r.Body, r.Query)
			}
			continue
		}
		if strings.Contains(r.Path+r.Query+r.Body+strings.Join(flatten(r.Header), " "), testPassword) {
			t.Errorf("password sent to %s %s", r.Method, r.Path)
		}
	}
	if logins != 3 {
		t.Errorf("login requests = %d, want 3", logins)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range files {
		if b, _ := os.ReadFile(p); strings.Contains(string(b), testPassword) {
			t.Errorf("%s holds the password", p)
		}
	}
}

// flatten lists header lines.
func flatten(h http.Header) []string {
	var out []string
	for k, vs := range h {
		out = append(out, k+": "+strings.Join(vs, ","))
	}
	return out
}

func TestURLRules(t *testing.T) {
	tests := []struct {
		url      string
		insecure bool
		ok       bool
	}{
		{"https://api.clarizen.com/v2.0/services", false, true},
		{"http://127.0.0.1:8080/v2.0/services", false, true},
		{"http://localhost:8080/v2.0/services/", false, true},
		{"http://[::1]:8080/v2.0/services", false, true},
		{"http://api.clarizen.com/v2.0/services", false, false},
		{"http://api.clarizen.com/v2.0/services", true, true},
		{"ftp://api.clarizen.com/", false, false},
		{"https://user:pw@api.clarizen.com/", false, false},
		{"api.clarizen.com", false, false},
		{"://", false, false},
	}
	for _, tt := range tests {
		_, err := New(Config{URL: tt.url, AllowInsecure: tt.insecure})
		if (err == nil) != tt.ok {
			t.Errorf("New(%q, insecure=%v) err = %v, want ok=%v", tt.url, tt.insecure, err, tt.ok)
		}
		if err != nil && strings.Contains(err.Error(), "pw") {
			t.Errorf("error shows URL credentials: %v", err)
		}
	}
}

func TestInsecureServerLocationRefused(t *testing.T) {
	f := newFake(t)
	f.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, map[string]string{"serverLocation": "http://api2.clarizen.com/v2.0/services"})
	})
	c, _, _ := newClient(t, f, nil)
	if err := c.Login(context.Background()); err == nil || !strings.Contains(err.Error(), "plain http") {
		t.Errorf("err = %v, want plain http refused", err)
	}
}

func TestDescribeMetadata(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) {
		w.Write([]byte(`{"entityDescriptions":[{"typeName":"Task"}]}`))
	}
	c, _, _ := newClient(t, f, nil)
	raw, err := c.DescribeMetadata(context.Background(), []string{"Task", "User"}, []string{"fields", "relations"})
	if err != nil || string(raw) != `{"entityDescriptions":[{"typeName":"Task"}]}` {
		t.Fatalf("raw = %s, err = %v", raw, err)
	}
	r := f.requests("/describeMetadata")[0]
	if r.Method != "GET" || r.Query != "typeNames=Task,User&flags=fields,relations" {
		t.Errorf("request = %s ?%s", r.Method, r.Query)
	}
}
