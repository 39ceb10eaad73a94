package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// heavyFaults faults about 38% of requests (1 − 0.91⁵), each kind as
// likely as the others: at this rate a session often expires again right
// after it was renewed, within the same call.
func heavyFaults(seed uint64) sandbox.Faults {
	return sandbox.Faults{DropRate: 0.09, ErrorRate: 0.09, RateLimitRate: 0.09, ExpireRate: 0.09, TruncateRate: 0.09, Seed: seed}
}

// heavyRun is the outcome of one paging run under heavy faults.
type heavyRun struct {
	ids map[string]int // the rows returned, by id
	err error          // what ended the run early, if anything
}

// runHeavy fetches every row of the 2,350 tasks of data through a
// sandbox faulted with seed; retry waits are recorded, not slept.
func runHeavy(t *testing.T, md *metadata.Metadata, data *sandbox.Dataset, seed uint64) heavyRun {
	t.Helper()
	srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: data, RateLimit: -1, LoginRateLimit: -1, Faults: heavyFaults(seed), // waits are not slept
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c, err := client.New(client.Config{
		URL: srv.URL, User: sandbox.DemoUser, Password: sandbox.DemoPassword,
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
	})
	if err != nil {
		t.Fatal(err)
	}
	run := heavyRun{ids: map[string]int{}}
	req := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}}
	for raw, err := range c.Rows(context.Background(), req, 0) {
		if err != nil {
			run.err = err
			break
		}
		var row struct{ ID string }
		if err := json.Unmarshal(raw, &row); err != nil {
			t.Fatalf("seed %d: %v: %s", seed, err, raw)
		}
		run.ids[row.ID]++
	}
	return run
}

// TestRowsHeavyFaults runs the paging acceptance query 108 times, each
// with its own fault seed, at about 38% faults. No run may end with an
// expired session (sessions are renewed as often as they expire, up to 4
// times in one call); a run that completes returns each row exactly once;
// the only runs allowed to fail are those where one request failed 5
// times in a row (the retry cap), which happens in a few runs at this
// rate.
func TestRowsHeavyFaults(t *testing.T) {
	md, err := metadata.Load("../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	data := sandbox.NewDataset()
	for i := range e2eRows {
		data.Add("Task", sandbox.Row{"id": fmt.Sprintf("/Task/t%04d", i), "Name": fmt.Sprintf("Task %04d", i)})
	}
	failed := 0
	for seed := uint64(1); seed <= 108; seed++ {
		run := runHeavy(t, md, data, seed)
		if run.err != nil {
			failed++
			var e *client.Error
			if client.IsSessionTimeout(run.err) || errors.As(run.err, &e) && e.Code != "" && e.Code != "General" {
				t.Errorf("seed %d ended with %v, want a completed run or an exhausted retry", seed, run.err)
			}
			continue
		}
		if len(run.ids) != e2eRows {
			t.Errorf("seed %d: %d distinct rows, want %d", seed, len(run.ids), e2eRows)
		}
		for id, n := range run.ids {
			if n != 1 {
				t.Errorf("seed %d: row %s returned %d times", seed, id, n)
			}
		}
	}
	t.Logf("%d of 108 runs exhausted a retry", failed)
	if failed > 10 {
		t.Errorf("%d of 108 runs failed; want few (5 faults in a row are rare)", failed)
	}
}
