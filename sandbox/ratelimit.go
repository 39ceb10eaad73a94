package sandbox

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// rateLimitBody is the real API's 429 body for a limit of max calls per
// second.
func rateLimitBody(max int) string {
	return fmt.Sprintf(`{"statusCode":"Too Many Requests","message":"API calls quota exceeded! maximum admitted %d per Second.","retryAfter":"1"}`, max)
}

// limiter admits at most max requests in any sliding 1-second window; a
// negative max admits everything.
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

// writeRateLimited answers 429 as the real API does, for a limit of max
// calls per second.
func writeRateLimited(w http.ResponseWriter, max int) {
	writeTooMany(w, rateLimitBody(max))
}

// writeTooMany answers 429 with body, to be tried again in a second.
func writeTooMany(w http.ResponseWriter, body string) {
	w.Header().Set("Retry-After", "1")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusTooManyRequests)
	w.Write([]byte(body))
}

// quota counts the API calls of the current UTC day against a daily
// quota; max 0 (or less) means none.
type quota struct {
	mu   sync.Mutex
	max  int
	now  func() time.Time
	day  string
	used int
}

// take counts one call, or returns the error that clients recognise
// ("API calls quota exceeded") when the day's calls are used up. The
// guide does not document the answer: the sandbox sends HTTP 500 with
// errorCode InvalidOperation, a final answer that clients do not retry.
func (q *quota) take() error {
	if q.max <= 0 {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if day := q.now().UTC().Format("2006-01-02"); day != q.day {
		q.day, q.used = day, 0
	}
	if q.used >= q.max {
		return errorf(codeInvalidOperation, "API calls quota exceeded! maximum admitted %d per Day.", q.max)
	}
	q.used++
	return nil
}
