package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// pagingRows is the size of the paging acceptance result: 23 full pages of
// the server's default 100 rows and a last page of 50.
const pagingRows = 2350

// pagingFaults is the acceptance mix, about 20% of requests in total
// (1 − 0.95·0.95·0.96·0.96·0.96 ≈ 0.20): dropped connections, 500s
// (errorCode General), 429s, session expiry mid-paging and truncated 200
// bodies. The seed is fixed and czql run sends one request at a time, so
// the same faults hit the same requests on every run.
var pagingFaults = sandbox.Faults{
	DropRate:      0.05,
	ErrorRate:     0.05,
	RateLimitRate: 0.04,
	ExpireRate:    0.04,
	TruncateRate:  0.04,
	Seed:          15,
}

// heavyPagingFaults faults about 34% of requests (1 − 0.93⁴·0.88), more
// of them session expiries: with this seed a page's session expires
// again right after it was renewed, in the same call, and the run must
// still complete.
var heavyPagingFaults = sandbox.Faults{
	DropRate:      0.07,
	ErrorRate:     0.07,
	RateLimitRate: 0.07,
	ExpireRate:    0.12,
	TruncateRate:  0.07,
	Seed:          9,
}

// pagingDataset holds pagingRows tasks with distinct names.
func pagingDataset() *sandbox.Dataset {
	data := sandbox.NewDataset()
	for i := range pagingRows {
		data.Add("Task", sandbox.Row{"id": fmt.Sprintf("/Task/t%04d", i), "Name": fmt.Sprintf("Task %04d", i)})
	}
	return data
}

// startPagingSandbox serves pagingDataset with faults on 127.0.0.1:0.
func startPagingSandbox(t *testing.T, faults sandbox.Faults) *sandbox.Running {
	t.Helper()
	md, err := metadata.Load(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: pagingDataset(),
		// The real limit would answer 429 by the clock, which is not
		// deterministic; injected 429s stand in for it.
		RateLimit: -1,
		Faults:    faults,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// checkEachRowOnce checks that the JSON lines of out are the pagingRows
// tasks, each exactly once.
func checkEachRowOnce(t *testing.T, out []byte) {
	t.Helper()
	seen := map[string]int{}
	n := 0
	for line := range bytes.Lines(out) {
		var row struct{ ID, Name string }
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatalf("line %d: %v: %q", n+1, err, line)
		}
		n++
		seen[row.ID]++
		if want := "Task " + strings.TrimPrefix(row.ID, "/Task/t"); row.Name != want {
			t.Errorf("row %s has Name %q, want %q", row.ID, row.Name, want)
		}
	}
	if n != pagingRows {
		t.Errorf("got %d rows, want %d", n, pagingRows)
	}
	for i := range pagingRows {
		id := fmt.Sprintf("/Task/t%04d", i)
		if seen[id] != 1 {
			t.Errorf("row %s seen %d times, want once", id, seen[id])
		}
	}
}

// TestRunAllPaging is the paging acceptance test of czql run: a 2,350-row
// result fetched with --all over 24 pages returns each row exactly once,
// with no faults, with 20% injected faults of every kind the client
// recovers from, and with 34% faults that expire a session twice in one
// call.
func TestRunAllPaging(t *testing.T) {
	for _, tc := range []struct {
		name   string
		faults sandbox.Faults
	}{
		{"no-faults", sandbox.Faults{}},
		{"faults-20pct", pagingFaults},
		{"faults-34pct", heavyPagingFaults},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startPagingSandbox(t, tc.faults)
			t.Setenv("CZQL_URL", srv.URL)
			t.Setenv("CZQL_USER", sandbox.DemoUser)
			t.Setenv("CZQL_PASSWORD", sandbox.DemoPassword)
			t.Setenv("CZQL_API_KEY", "")
			t.Setenv("CZQL_METADATA", fixtureMetadataPath)
			t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
			t.Setenv("NO_COLOR", "1")

			var stdout, stderr bytes.Buffer
			start := time.Now()
			// No LIMIT: pages are the server's default 100 rows.
			code := Main([]string{"run", "--all", "--debug", "--format", "jsonl", "-q", "SELECT Name FROM Task ORDER BY Name"}, nil, &stdout, &stderr)
			if code != ExitOK {
				t.Fatalf("exit code %d, stderr:\n%s", code, stderr.String())
			}
			t.Logf("%d rows in %s", pagingRows, time.Since(start).Round(time.Millisecond))
			checkEachRowOnce(t, stdout.Bytes())

			dbg := stderr.String()
			if pages := len(regexp.MustCompile(`(?m)^czql: <-- 200 POST \S+/data/entityQuery `).FindAllString(dbg, -1)); pages != 24 {
				t.Errorf("%d pages answered, want 24", pages)
			}
			// Each kind of fault did happen (the seed decides which
			// requests), and the client recovered from it.
			kinds := map[string]string{
				"429":            `(?m)^czql: <-- 429 POST \S+/data/entityQuery `,
				"session expiry": `(?m)^czql: session expired; logging in again$`,
				"dropped":        `(?m)^czql: <-- POST \S+/data/entityQuery: `,
			}
			for kind, re := range kinds {
				got := regexp.MustCompile(re).MatchString(dbg)
				if want := tc.faults != (sandbox.Faults{}); got != want {
					t.Errorf("%s faults seen: %v, want %v", kind, got, want)
				}
			}
			// With the heavy faults, a session expired again right after
			// its renewal, in the same call, and was renewed again.
			again := regexp.MustCompile(`session expired; logging in again\n(?:czql: [^\n]*\n){6}czql: session expired; logging in again\n`)
			if got, want := again.MatchString(dbg), tc.faults == heavyPagingFaults; got != want {
				t.Errorf("a second expiry in one call: %v, want %v", got, want)
			}
			if strings.Contains(dbg, "-- more rows") || strings.Contains(dbg, "-- stopped") {
				t.Errorf("unexpected note on stderr:\n%s", dbg)
			}
		})
	}
}
