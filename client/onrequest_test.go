package client

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/czql/czql/api"
)

// TestOnRequestCountsEveryRequest checks that the OnRequest hook sees every
// HTTP request the client sends, the discovery and the login included,
// with its method and path, and no debug output is needed for it.
func TestOnRequestCountsEveryRequest(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, body []byte) {
		writeJSON(w, 200, map[string]any{"entities": []any{}, "paging": map[string]any{"from": 0, "limit": 100, "hasMore": false}})
	}
	var mu sync.Mutex
	var seen []string
	c, _, _ := newClient(t, f, func(cfg *Config) {
		cfg.Debug = nil
		cfg.OnRequest = func(method, path string) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, method+" "+path)
		}
	})
	if _, err := c.Query(context.Background(), &api.Query{Q: "SELECT Name FROM Task"}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(f.requests("")) || len(seen) < 3 {
		t.Fatalf("OnRequest saw %q; the server got %d requests", seen, len(f.requests("")))
	}
	if last := seen[len(seen)-1]; !strings.HasSuffix(last, "/data/query") || !strings.HasPrefix(last, "POST ") {
		t.Errorf("last request %q, want the query", last)
	}
}
