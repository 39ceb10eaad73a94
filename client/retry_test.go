package client

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
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

// TestQuotaAnswerIsFinal checks that an answer saying "API calls quota
// exceeded" without naming a wait (the daily quota) is recognised
// whatever its status and sent once: not retried as a transient 5xx, a
// 2xx that did not decode, or a 429.
func TestQuotaAnswerIsFinal(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
	}{
		{500, `{"errorCode":"General","message":"API calls quota exceeded for today","referenceId":"r-1"}`},
		{500, `{"message":"API calls quota exceeded for today"}`},
		{503, `{"statusCode":"Service Unavailable","message":"API Calls Quota Exceeded"}`},
		{200, `{"message":"API calls quota exceeded for today"}`},
		{403, `{"errorCode":"Unauthorized","message":"API calls quota exceeded"}`},
		{429, `{"statusCode":"Too Many Requests","message":"API calls quota exceeded for today"}`},
	} {
		f := newFake(t)
		var calls atomic.Int32
		f.handle = failing(100, &calls, func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(tc.status)
			w.Write([]byte(tc.body))
		})
		c, s, _ := newClient(t, f, nil)
		_, err := c.Query(context.Background(), &api.Query{Q: "SELECT Name FROM Task"})
		if !IsQuotaExceeded(err) || !IsRateLimited(err) || IsRejected(err) {
			t.Errorf("%d %s: err = %v, want a quota answer", tc.status, tc.body, err)
		}
		if calls.Load() != 1 || len(s.d) != 0 {
			t.Errorf("%d %s: %d calls, sleeps %v; want 1 call and no wait", tc.status, tc.body, calls.Load(), s.d)
		}
	}
}

// TestQuotaAnswerWithAWaitIsRetriedAfterIt checks that a quota answer
// that names its wait (the per-second limit) is retried after that wait,
// whatever its status, and not after the transient backoff.
func TestQuotaAnswerWithAWaitIsRetriedAfterIt(t *testing.T) {
	for _, status := range []int{429, 500, 503} {
		f := newFake(t)
		var calls atomic.Int32
		f.handle = failing(2, &calls, func(w http.ResponseWriter) {
			writeJSON(w, status, map[string]string{"message": "API calls quota exceeded! maximum admitted 25 per Second.", "retryAfter": "3"})
		})
		c, s, _ := newClient(t, f, nil)
		if _, err := c.Query(context.Background(), &api.Query{Q: "SELECT Name FROM Task"}); err != nil {
			t.Fatalf("%d: %v", status, err)
		}
		if calls.Load() != 3 || len(s.d) != 2 || s.d[0] != 3*time.Second || s.d[1] != 3*time.Second {
			t.Errorf("%d: %d calls, sleeps %v; want 3 calls after 2×3s", status, calls.Load(), s.d)
		}
	}
}

// TestLongRetryAfterIsNotRetried checks that an answer asking for a wait
// longer than maxRetryAfter is returned at once instead of being waited
// for (or, as before, retried after 1 second).
func TestLongRetryAfterIsNotRetried(t *testing.T) {
	f := newFake(t)
	var calls atomic.Int32
	f.handle = failing(100, &calls, func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	})
	c, s, _ := newClient(t, f, nil)
	_, err := c.Query(context.Background(), &api.Query{Q: "x"})
	if !IsRateLimited(err) || calls.Load() != 1 || len(s.d) != 0 {
		t.Errorf("err = %v, %d calls, sleeps %v; want the 429 after 1 call", err, calls.Load(), s.d)
	}
}

// TestRowsMentioningTheQuotaAreRows checks that a successful page whose
// rows contain the quota message is not taken for a quota answer.
func TestRowsMentioningTheQuotaAreRows(t *testing.T) {
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) {
		writeJSON(w, 200, map[string]any{"entities": []any{map[string]string{"id": "/Task/1", "message": "API calls quota exceeded"}}})
	}
	c, _, _ := newClient(t, f, nil)
	resp, err := c.Query(context.Background(), &api.Query{Q: "SELECT message FROM Task"})
	if err != nil || len(resp.Entities) != 1 {
		t.Errorf("resp = %+v, err = %v; want the row", resp, err)
	}
}

// TestResponseOverTheCap checks that an answer larger than the client's
// cap, plain, gzipped or announced by its Content-Length, is an error
// that says so, wrapping ErrResponseTooLarge, and is not retried.
func TestResponseOverTheCap(t *testing.T) {
	big := map[string]any{"entities": []any{map[string]string{"id": "/Task/1", "Name": strings.Repeat("x", 4000)}}}
	for _, tc := range []struct {
		name string
		send func(w http.ResponseWriter)
	}{
		{"plain", func(w http.ResponseWriter) { writeJSON(w, 200, big) }},
		{"chunked", func(w http.ResponseWriter) {
			w.WriteHeader(200)
			for range 5 {
				w.Write([]byte(strings.Repeat(" ", 1000)))
				w.(http.Flusher).Flush()
			}
		}},
		{"gzip", func(w http.ResponseWriter) {
			w.Header().Set("Content-Encoding", "gzip")
			w.WriteHeader(200)
			zw := gzip.NewWriter(w)
			json.NewEncoder(zw).Encode(big)
			zw.Close()
		}},
		{"error page", func(w http.ResponseWriter) {
			w.WriteHeader(502)
			w.Write([]byte(strings.Repeat("<p>", 2000)))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t)
			var calls atomic.Int32
			f.handle = failing(100, &calls, tc.send)
			c, s, _ := newClient(t, f, nil)
			c.maxBody = 2048
			_, err := c.Query(context.Background(), &api.Query{Q: "SELECT Name FROM Task"})
			if !errors.Is(err, ErrResponseTooLarge) || !strings.Contains(err.Error(), "larger than 2048 bytes") || strings.Contains(err.Error(), "invalid JSON") {
				t.Errorf("err = %v, want the size limit named", err)
			}
			if calls.Load() != 1 || len(s.d) != 0 {
				t.Errorf("%d calls, sleeps %v; want 1 call", calls.Load(), s.d)
			}
		})
	}
	// At the cap exactly, the answer is read.
	f := newFake(t)
	f.handle = func(w http.ResponseWriter, r *http.Request, _ []byte) { w.Write([]byte(`{"entities":[]}`)) }
	c, _, _ := newClient(t, f, nil)
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.maxBody = int64(len(`{"entities":[]}`))
	if _, err := c.Query(context.Background(), &api.Query{Q: "x"}); err != nil {
		t.Errorf("an answer of exactly the cap: %v", err)
	}
}
