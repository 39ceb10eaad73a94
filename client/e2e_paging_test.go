package client_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// e2eRows is the size of the paging acceptance result: 23 full pages of
// the server's default 100 rows and a last page of 50.
const e2eRows = 2350

// e2eFaults is the acceptance mix, about 20% of requests in total:
// dropped connections, 500s (errorCode General), 429s, session expiry and
// truncated 200 bodies, all of which the client recovers from. The seed is
// fixed and the client sends one request at a time, so the faults are the
// same on every run.
var e2eFaults = sandbox.Faults{DropRate: 0.05, ErrorRate: 0.05, RateLimitRate: 0.04, ExpireRate: 0.04, TruncateRate: 0.04, Seed: 15}

// syncBuffer is a bytes.Buffer safe for the client's debug writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRowsPagingFaults is the paging acceptance test through the client:
// client.Rows with no cap returns the 2,350 rows each exactly once, over
// data/query and data/entityQuery, with and without injected faults.
func TestRowsPagingFaults(t *testing.T) {
	md, err := metadata.Load("../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	data := sandbox.NewDataset()
	for i := range e2eRows {
		data.Add("Task", sandbox.Row{"id": fmt.Sprintf("/Task/t%04d", i), "Name": fmt.Sprintf("Task %04d", i)})
	}
	requests := map[string]client.Request{
		"query":       &api.Query{Q: "SELECT Name FROM Task ORDER BY Name"},
		"entityQuery": &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Orders: []api.OrderBy{{FieldName: "Name", Order: api.Ascending}}},
	}
	for _, fc := range []struct {
		name   string
		faults sandbox.Faults
	}{
		{"no-faults", sandbox.Faults{}},
		{"faults-20pct", e2eFaults},
	} {
		for _, endpoint := range []string{"query", "entityQuery"} {
			t.Run(fc.name+"/"+endpoint, func(t *testing.T) {
				srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{
					Metadata: md, Data: data,
					RateLimit: -1, // the clock-driven limit is not deterministic; injected 429s stand in
					Faults:    fc.faults,
				})
				if err != nil {
					t.Fatal(err)
				}
				defer srv.Close()
				var debug syncBuffer
				var waits []time.Duration
				c, err := client.New(client.Config{
					URL: srv.URL, User: sandbox.DemoUser, Password: sandbox.DemoPassword,
					Debug: &debug,
					// Record the waits instead of sleeping: 429s ask for 1 s each.
					Sleep: func(ctx context.Context, d time.Duration) error {
						waits = append(waits, d)
						return ctx.Err()
					},
				})
				if err != nil {
					t.Fatal(err)
				}
				seen := map[string]int{}
				n := 0
				for raw, err := range c.Rows(context.Background(), requests[endpoint], 0) {
					if err != nil {
						t.Fatalf("after %d rows: %v\n%s", n, err, debug.String())
					}
					var row struct{ ID, Name string }
					if err := json.Unmarshal(raw, &row); err != nil {
						t.Fatalf("row %d: %v: %s", n+1, err, raw)
					}
					n++
					seen[row.ID]++
					if want := "Task " + strings.TrimPrefix(row.ID, "/Task/t"); row.Name != want {
						t.Errorf("row %s has Name %q, want %q", row.ID, row.Name, want)
					}
				}
				if n != e2eRows {
					t.Errorf("got %d rows, want %d", n, e2eRows)
				}
				for i := range e2eRows {
					if id := fmt.Sprintf("/Task/t%04d", i); seen[id] != 1 {
						t.Errorf("row %s seen %d times, want once", id, seen[id])
					}
				}

				dbg := debug.String()
				count := func(re string) int { return len(regexp.MustCompile(re).FindAllString(dbg, -1)) }
				if pages := count(`(?m)^czql: <-- 200 POST \S+/data/` + endpoint + ` `); pages != 24 {
					t.Errorf("%d pages answered, want 24", pages)
				}
				kinds := map[string]int{
					"429":            count(`(?m)^czql: <-- 429 POST `),
					"session expiry": count(`(?m)^czql: session expired; logging in again$`),
					"dropped":        count(`(?m)^czql: <-- POST \S+: `),
				}
				t.Logf("faults: %v, retry waits: %v", kinds, waits)
				for kind, k := range kinds {
					if want := fc.faults != (sandbox.Faults{}); (k > 0) != want {
						t.Errorf("%d %s faults, want some: %v", k, kind, want)
					}
				}
			})
		}
	}
}
