package cli

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// callCounter counts the requests a server receives, by path.
type callCounter struct {
	mu    sync.Mutex
	paths []string
}

// wrap returns h counting each request before it is served.
func (cc *callCounter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cc.mu.Lock()
		cc.paths = append(cc.paths, r.URL.Path)
		cc.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// count returns how many requests went to a path ending with suffix.
func (cc *callCounter) count(suffix string) int {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	n := 0
	for _, p := range cc.paths {
		if strings.HasSuffix(p, suffix) {
			n++
		}
	}
	return n
}

// startCountingSandbox serves the small dataset (50 customers) on
// 127.0.0.1:0 behind a request counter and returns its API base URL.
func startCountingSandbox(t *testing.T) (string, *callCounter) {
	t.Helper()
	md, err := metadata.Load(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := sandbox.LoadDataset(smallDataset)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sandbox.New(sandbox.Options{Metadata: md, Data: data, RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	cc := &callCounter{}
	ts := httptest.NewServer(cc.wrap(srv))
	t.Cleanup(ts.Close)
	return ts.URL + "/v2.0/services", cc
}

// runAgainst runs czql with args against the API at url as the demo user
// and returns the exit code, standard output and standard error.
func runAgainst(t *testing.T, url string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("CZQL_URL", url)
	t.Setenv("CZQL_USER", sandbox.DemoUser)
	t.Setenv("CZQL_PASSWORD", sandbox.DemoPassword)
	t.Setenv("CZQL_API_KEY", "")
	t.Setenv("CZQL_METADATA", fixtureMetadataPath)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
	t.Setenv("NO_COLOR", "1")
	var stdout, stderr bytes.Buffer
	code := Main(args, nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestRunOneCallPerPage checks that czql run asks for the rows it shows
// and no more: one entityQuery call without --all, whatever the result's
// size, one call a page with --all, and the note about more rows follows
// the answer's paging.hasMore. The small dataset has 50 customers.
func TestRunOneCallPerPage(t *testing.T) {
	const note = "-- more rows available: use --all\n"
	const stopped = "-- stopped after "
	for _, tc := range []struct {
		name  string
		args  []string
		rows  int
		calls int
		note  string
	}{
		{"first page, more", []string{"-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 7, 1, note},
		{"first page is all", []string{"-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 50"}, 50, 1, ""},
		{"default page", []string{"-q", "SELECT Name FROM Customer"}, 50, 1, ""},
		{"all", []string{"--all", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 50, 8, ""},
		{"max-rows at a page's end", []string{"--all", "--max-rows", "14", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 14, 2, stopped + "14 rows"},
		{"max-rows inside a page", []string{"--all", "--max-rows", "10", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 10, 2, stopped + "10 rows"},
		{"max-rows at the end", []string{"--all", "--max-rows", "49", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 49, 7, stopped + "49 rows"},
		{"max-rows is the total", []string{"--all", "--max-rows", "50", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 10"}, 50, 5, ""},
		{"max-rows at the largest int", []string{"--all", "--max-rows", "9223372036854775807", "-q", "SELECT Name FROM Customer ORDER BY Name LIMIT 7"}, 50, 8, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url, cc := startCountingSandbox(t)
			args := append([]string{"run", "--format", "jsonl"}, tc.args...)
			code, stdout, stderr := runAgainst(t, url, args...)
			if code != ExitOK {
				t.Fatalf("exit code %d, stderr:\n%s", code, stderr)
			}
			if n := strings.Count(stdout, "\n"); n != tc.rows {
				t.Errorf("%d rows, want %d", n, tc.rows)
			}
			if n := cc.count("/data/entityQuery"); n != tc.calls {
				t.Errorf("%d entityQuery calls, want %d", n, tc.calls)
			}
			if tc.note == "" && stderr != "" || !strings.HasPrefix(stderr, tc.note) {
				t.Errorf("stderr %q, want %q", stderr, tc.note)
			}
		})
	}
}

// TestRunMaxRowsNeedsAll checks that --max-rows without --all is refused
// before anything is sent.
func TestRunMaxRowsNeedsAll(t *testing.T) {
	url, cc := startCountingSandbox(t)
	code, stdout, stderr := runAgainst(t, url, "run", "--max-rows", "10", "-q", "SELECT Name FROM Customer")
	if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "--max-rows goes with --all") {
		t.Errorf("exit code %d, stdout %q, stderr %q; want 2 and the reason", code, stdout, stderr)
	}
	if n := cc.count(""); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

// stubAPI serves getServerDefinition and login, and answers entityQuery
// with query, on 127.0.0.1 until the test ends; it returns the API base
// URL and the number of entityQuery calls so far.
func stubAPI(t *testing.T, query http.HandlerFunc) (string, func() int) {
	t.Helper()
	var mu sync.Mutex
	queries := 0
	mux := http.NewServeMux()
	var ts *httptest.Server
	mux.HandleFunc("/api/authentication/getServerDefinition", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"serverLocation": ts.URL + "/api"})
	})
	mux.HandleFunc("/api/authentication/login", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(map[string]string{"sessionId": "S1"})
	})
	mux.HandleFunc("/api/data/entityQuery", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries++
		mu.Unlock()
		query(w, r)
	})
	ts = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts.URL + "/api", func() int {
		mu.Lock()
		defer mu.Unlock()
		return queries
	}
}

// TestRunMoreNoteFollowsHasMore checks that the note about more rows
// says what the server's paging.hasMore says, not what the number of rows
// suggests: a short page with hasMore true has the note, a full page
// with hasMore false has none, and in each case one query is sent.
func TestRunMoreNoteFollowsHasMore(t *testing.T) {
	for _, tc := range []struct {
		rows    int
		hasMore bool
	}{
		{3, true},
		{7, false},
		{7, true},
	} {
		url, queries := stubAPI(t, func(w http.ResponseWriter, r *http.Request) {
			rows := make([]map[string]string, tc.rows)
			for i := range rows {
				rows[i] = map[string]string{"id": "/Customer/c", "Name": "C"}
			}
			json.NewEncoder(w).Encode(map[string]any{"entities": rows, "paging": map[string]any{"from": tc.rows, "limit": 7, "hasMore": tc.hasMore}})
		})
		code, stdout, stderr := runAgainst(t, url, "run", "--format", "jsonl", "-q", "SELECT Name FROM Customer LIMIT 7")
		if code != ExitOK || strings.Count(stdout, "\n") != tc.rows {
			t.Errorf("%+v: exit code %d, stdout %q, stderr %q", tc, code, stdout, stderr)
		}
		if got := strings.Contains(stderr, "more rows available"); got != tc.hasMore {
			t.Errorf("%+v: note %v, want %v (stderr %q)", tc, got, tc.hasMore, stderr)
		}
		if n := queries(); n != 1 {
			t.Errorf("%+v: %d queries, want 1", tc, n)
		}
	}
}

// TestRunQuotaAnswerIsSentOnce checks that a quota answer, here a 500
// with errorCode General that would otherwise pass for a transient
// failure, ends czql run after one call with exit 2 and says so.
func TestRunQuotaAnswerIsSentOnce(t *testing.T) {
	url, queries := stubAPI(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		json.NewEncoder(w).Encode(map[string]string{"errorCode": "General", "message": "API calls quota exceeded for today", "referenceId": "q-1"})
	})
	code, stdout, stderr := runAgainst(t, url, "run", "-q", "SELECT Name FROM Customer")
	if code != ExitUsage || stdout != "" {
		t.Errorf("exit code %d, stdout %q; want 2 and nothing", code, stdout)
	}
	if want := "czql: the API calls quota is exceeded: API calls quota exceeded for today (reference q-1)\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if n := queries(); n != 1 {
		t.Errorf("%d queries sent, want 1", n)
	}
}
