package client

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/czql/czql/api"
)

// failing returns a handler that runs fail for the first n calls and then
// answers an empty page; calls counts all calls.
func failing(n int32, calls *atomic.Int32, fail func(w http.ResponseWriter)) func(http.ResponseWriter, *http.Request, []byte) {
	return func(w http.ResponseWriter, r *http.Request, _ []byte) {
		if calls.Add(1) <= n {
			fail(w)
			return
		}
		writeJSON(w, 200, map[string]any{"entities": []any{}, "responses": []any{}})
	}
}

func TestRateLimitRetryAfter(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   time.Duration
	}{
		{"header", "3", 3 * time.Second},
		{"body", "", 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			var calls atomic.Int32
			f.handle = failing(2, &calls, func(w http.ResponseWriter) {
				if tt.header != "" {
					w.Header().Set("Retry-After", tt.header)
				}
				writeJSON(w, 429, map[string]string{"statusCode": "Too Many Requests", "message": "API calls quota exceeded! maximum admitted 25 per Second.", "retryAfter": "2"})
			})
			c, s, _ := newClient(t, f, nil)
			if _, err := c.Query(context.Background(), &api.Query{Q: "SELECT Name FROM Task"}); err != nil {
				t.Fatal(err)
			}
			if len(s.d) != 2 || s.d[0] != tt.want || s.d[1] != tt.want {
				t.Errorf("sleeps = %v, want 2×%v", s.d, tt.want)
			}
		})
	}
}

func TestRateLimitGivesUp(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	f.handle = failing(100, &calls, func(w http.ResponseWriter) { w.WriteHeader(429) })
	c, s, _ := newClient(t, f, func(cfg *Config) { cfg.MaxRetries = 2 })
	_, err := c.Query(context.Background(), &api.Query{Q: "x"})
	if !IsRateLimited(err) || calls.Load() != 3 || len(s.d) != 2 || s.d[0] != time.Second {
		t.Errorf("err = %v, calls = %d, sleeps = %v; want rate limited, 3, 2×1s", err, calls.Load(), s.d)
	}
}

func TestServerErrorRetry(t *testing.T) {
	html := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		w.Write([]byte("<html><body>Bad Gateway</body></html>"))
	}
	writeItem := []api.BulkItem{{URL: "/data/objects/Task", Method: "PUT", Body: map[string]string{"Name": "x"}}}
	readItem := []api.BulkItem{{URL: "/data/query", Method: "POST", Body: map[string]string{"q": "SELECT Name FROM Task"}}}
	tests := []struct {
		name      string
		run       func(*Client) error
		wantCalls int32
		wantErr   bool
	}{
		{"query retried", func(c *Client) error { _, err := c.Query(context.Background(), &api.Query{Q: "x"}); return err }, 3, false},
		{"bulk write not retried", func(c *Client) error { _, err := c.Bulk(context.Background(), writeItem); return err }, 1, true},
		{"bulk of queries retried", func(c *Client) error { _, err := c.Bulk(context.Background(), readItem); return err }, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			var calls atomic.Int32
			f.handle = failing(2, &calls, html)
			c, s, _ := newClient(t, f, nil)
			err := tt.run(c)
			if (err != nil) != tt.wantErr || calls.Load() != tt.wantCalls {
				t.Fatalf("err = %v, calls = %d; want error %v, %d calls", err, calls.Load(), tt.wantErr, tt.wantCalls)
			}
			for i, d := range s.d {
				lo, hi := backoffBase<<i/2, backoffBase<<i
				if d < lo || d > hi {
					t.Errorf("backoff %d = %v, want in [%v, %v]", i, d, lo, hi)
				}
			}
			var e *Error
			if tt.wantErr && (!errors.As(err, &e) || e.StatusCode != 502 || e.Raw == "") {
				t.Errorf("err = %#v, want a 502 with the raw page", err)
			}
		})
	}
}

func TestAPIErrorIsFinal(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	f.handle = failing(5, &calls, func(w http.ResponseWriter) {
		writeJSON(w, 500, map[string]string{"errorCode": "InvalidField", "message": "Field Nme does not exist", "referenceId": "r-9"})
	})
	c, _, _ := newClient(t, f, nil)
	_, err := c.Query(context.Background(), &api.Query{Q: "SELECT Nme FROM Task"})
	var e *Error
	if !IsRejected(err) || !errors.As(err, &e) || e.ReferenceID != "r-9" || calls.Load() != 1 {
		t.Errorf("err = %v, calls = %d", err, calls.Load())
	}
}

func TestConnectionResetRetry(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	f.handle = failing(1, &calls, func(w http.ResponseWriter) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	c, s, _ := newClient(t, f, nil)
	if _, err := c.AggregateQuery(context.Background(), &api.AggregateQuery{TypeName: "Task"}); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 2 || len(s.d) != 1 {
		t.Errorf("calls = %d, sleeps = %v", calls.Load(), s.d)
	}
}

func TestCancelDuringSleep(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	f.handle = failing(100, &calls, func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "100")
		w.WriteHeader(429)
	})
	c, _, _ := newClient(t, f, func(cfg *Config) { cfg.Sleep = nil })
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.RelationQuery(ctx, &api.RelationQuery{EntityID: "/Project/1", RelationName: "Tasks"})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("err = %v after %v, want context.Canceled promptly", err, time.Since(start))
	}
}

func TestGzipResponse(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) {
		w.Header().Set("Content-Encoding", "gzip")
		w.WriteHeader(200)
		zw := gzip.NewWriter(w)
		json.NewEncoder(zw).Encode(map[string]any{"typeNames": []string{"Task", "User"}})
		zw.Close()
	}
	c, _, _ := newClient(t, f, nil)
	names, err := c.ListEntities(context.Background())
	if err != nil || len(names) != 2 || names[1] != "User" {
		t.Errorf("names = %v, err = %v", names, err)
	}
}
