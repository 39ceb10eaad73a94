package sandbox

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// faulter draws the faults of [Faults] from a seeded generator.
type faulter struct {
	mu  sync.Mutex
	f   Faults
	rng *rand.Rand
}

func newFaulter(f Faults) *faulter {
	return &faulter{f: f, rng: rand.New(rand.NewPCG(f.Seed, f.Seed^0x9e3779b97f4a7c15))}
}

func (f *faulter) hit(p float64) bool {
	if p <= 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Float64() < p
}

// inject applies the faults to one authenticated request whose body is
// read; it reports whether the request has been answered (or dropped)
// already.
func (f *faulter) inject(w http.ResponseWriter, r *http.Request, body []byte, s *Server) bool {
	if f.f.Latency > 0 {
		select {
		case <-time.After(f.f.Latency):
		case <-r.Context().Done():
			return true
		}
	}
	switch {
	case f.hit(f.f.DropRate):
		drop(w)
	case f.hit(f.f.ErrorRate):
		writeError(w, errorf(codeGeneral, "injected fault"))
	case f.hit(f.f.RateLimitRate):
		writeRateLimited(w, max(s.limiter.max, DefaultRateLimit))
	case f.hit(f.f.ExpireRate):
		s.sessions.expire(r.Header.Get("Authorization"))
		writeError(w, errorf(codeSessionTimeout, "Session timed out"))
	case f.hit(f.f.TruncateRate):
		truncated(w, r, body, s)
	default:
		return false
	}
	return true
}

// drop closes the connection without answering.
func drop(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	conn.Close()
}

// truncated serves the request but sends only the first half of the body.
func truncated(w http.ResponseWriter, r *http.Request, body []byte, s *Server) {
	rec := httptest.NewRecorder()
	endpoint, _ := endpointOf(r.URL.Path)
	s.serveAuthed(rec, r, endpoint, body)
	data := rec.Body.Bytes()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(data[:len(data)/2])
}
