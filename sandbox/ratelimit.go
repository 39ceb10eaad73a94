package sandbox

import (
	"net/http"
	"sync"
	"time"
)

// rateLimitBody is the real API's 429 body, for 25 calls per second.
const rateLimitBody = `{"statusCode":"Too Many Requests","message":"API calls quota exceeded! maximum admitted 25 per Second.","retryAfter":"1"}`

// limiter admits at most max requests in any sliding 1-second window.
type limiter struct {
	mu   sync.Mutex
	max  int
	now  func() time.Time
	hits []time.Time // admitted requests, oldest first
}

func newLimiter(max int, now func() time.Time) *limiter {
	return &limiter{max: max, now: now}
}

// allow admits a request or reports that the window is full.
func (l *limiter) allow() bool {
	if l.max < 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	cut := 0
	for cut < len(l.hits) && now.Sub(l.hits[cut]) >= time.Second {
		cut++
	}
	l.hits = l.hits[cut:]
	if len(l.hits) >= l.max {
		return false
	}
	l.hits = append(l.hits, now)
	return true
}

// writeRateLimited answers 429 as the real API does.
func writeRateLimited(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusTooManyRequests)
	w.Write([]byte(rateLimitBody))
}
