package repl

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/sandbox"
)

// stallingServer serves the small organisation; the first request for a
// page from row from on (paging.from ≥ from) hangs until the client gives
// up, and is reported on the returned channel when it arrives. Later
// requests are answered.
func stallingServer(t *testing.T, from int) (url string, stalled <-chan struct{}) {
	t.Helper()
	md, data := smallOrganisation(t)
	srv, err := sandbox.New(sandbox.Options{Metadata: md, Data: data, RateLimit: -1,
		Users: map[string]string{sandbox.DemoUser: sandbox.DemoPassword}})
	if err != nil {
		t.Fatal(err)
	}
	arrived := make(chan struct{}, 1)
	var once atomic.Bool
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var req struct {
			Paging *struct{ From int } `json:"paging"`
		}
		json.Unmarshal(body, &req)
		if req.Paging != nil && req.Paging.From >= from && once.CompareAndSwap(false, true) {
			arrived <- struct{}{}
			<-r.Context().Done()
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs.URL + "/v2.0/services", arrived
}

// A Ctrl+C while \all fetches (the end of its context) shows the rows
// that arrived and keeps the result: \more goes on from where the fetch
// stopped, and \all to the end.
func TestInterruptedAllKeepsTheResult(t *testing.T) {
	url, stalled := stallingServer(t, 3)
	env := map[string]string{"CZQL_URL": url, "CZQL_USER": sandbox.DemoUser, "CZQL_PASSWORD": sandbox.DemoPassword,
		"XDG_CACHE_HOME": t.TempDir(), "HOME": t.TempDir()}
	var stdout, stderr bytes.Buffer
	conn, code := frontend.Connect(context.Background(), frontend.ConnectOptions{
		Stderr: &stderr, Getenv: func(k string) string { return env[k] }, MetadataPath: fixtureMetadataPath,
	})
	if code != frontend.ExitOK {
		t.Fatalf("connect: %d\n%s", code, stderr.String())
	}
	t.Cleanup(conn.Close)
	s := NewSession(Config{Client: conn.Client, Metadata: conn.Metadata, Stdout: &stdout, Stderr: &stderr})

	// Pages of one row: +Review, Build, Design, Ship, Test.
	s.ExecStatement(context.Background(), "SELECT Name FROM Task ORDER BY Name LIMIT 1;")
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-stalled; cancel() }() // the request for the 4th row: Ctrl+C
	stdout.Reset()
	stderr.Reset()
	s.ExecMeta(ctx, `\all`)
	check(t, `\all stdout`, stdout.String(), "\nName\n------\nBuild\nDesign\n")
	check(t, `\all stderr`, stderr.String(), "2 rows, interrupted, more available: \\more\n")

	stdout.Reset()
	stderr.Reset()
	s.ExecMeta(context.Background(), `\more`)
	check(t, `\more stdout`, stdout.String(), "\nName\n----\nShip\n")
	check(t, `\more stderr`, stderr.String(), "1 row, more available: \\more\n")
	stdout.Reset()
	stderr.Reset()
	s.ExecMeta(context.Background(), `\all`)
	check(t, `second \all stdout`, stdout.String(), "\nName\n----\nTest\n")
	check(t, `second \all stderr`, stderr.String(), "1 row\n")
}
