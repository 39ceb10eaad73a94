package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/czql/czql/api"
)

// pagingAPI is a minimal stand-in for the API that serves n generated
// Task rows page by page without holding them, so that a benchmark
// measures the memory of czql and the client alone (the sandbox keeps
// its whole dataset in memory and filters it per request).
func pagingAPI(n int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/authentication/getServerDefinition"):
			io.WriteString(w, `{}`)
		case strings.HasSuffix(r.URL.Path, "/authentication/login"):
			io.WriteString(w, `{"sessionId": "bench"}`)
		case strings.HasSuffix(r.URL.Path, "/data/entityQuery"):
			var q api.EntityQuery
			if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			writeGeneratedPage(w, q.Paging, n)
		default:
			http.NotFound(w, r)
		}
	})
}

// writeGeneratedPage writes the page of rows p asks for out of n.
func writeGeneratedPage(w io.Writer, p *api.Paging, n int) {
	from, limit := 0, api.DefaultPageSize
	if p != nil && p.From != nil {
		from = *p.From
	}
	if p != nil && p.Limit != nil {
		limit = *p.Limit
	}
	end := min(from+limit, n)
	io.WriteString(w, `{"entities": [`)
	for i := from; i < end; i++ {
		if i > from {
			io.WriteString(w, ",")
		}
		fmt.Fprintf(w, `{"id": "/Task/t%d", "Name": "Task %06d", "Priority": %d}`, i, i, i%5)
	}
	fmt.Fprintf(w, `], "paging": {"from": %d, "limit": %d, "hasMore": %t}}`, end, limit, end < n)
}

// heapPeak samples the heap in use every millisecond until the returned
// function is called, which returns the highest value seen.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak.Store(max(peak.Load(), ms.HeapInuse))
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); <-finished; return peak.Load() }
}

// BenchmarkRunJSONLStreaming measures `czql run --all --format jsonl` over
// 10,000 and 100,000 rows in pages of 5,000 and reports the peak heap in
// use above the baseline: streaming keeps it flat as the row count grows.
func BenchmarkRunJSONLStreaming(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			srv := httptest.NewServer(pagingAPI(n))
			defer srv.Close()
			vars := map[string]string{"CZQL_URL": srv.URL, "CZQL_USER": "demo", "CZQL_PASSWORD": "demo", "CZQL_METADATA": fixtureMetadataPath}
			args := []string{"run", "--all", "--max-rows", "1000000", "--format", "jsonl", "-q", "SELECT Name, Priority FROM Task LIMIT 5000"}
			var peak uint64
			for b.Loop() {
				runtime.GC()
				var base runtime.MemStats
				runtime.ReadMemStats(&base)
				stop := heapPeak()
				e := &env{ctx: context.Background(), stdout: io.Discard, stderr: io.Discard, getenv: func(k string) string { return vars[k] }}
				if code := run(e, args); code != ExitOK {
					b.Fatalf("exit %d", code)
				}
				if p := stop(); p > base.HeapInuse {
					peak = max(peak, p-base.HeapInuse)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(n), "rows/op")
		})
	}
}
