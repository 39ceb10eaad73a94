package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Backoff bounds for 5xx and connection retries.
const (
	backoffBase = 250 * time.Millisecond
	backoffMax  = 8 * time.Second
	// maxRetryAfter is the longest server-requested wait the client
	// sleeps: an answer asking for more is not retried.
	maxRetryAfter = 5 * time.Minute
	// longWait bounds the waits read from answers.
	longWait = 24 * time.Hour
)

// exchange sends cl, retrying 429 answers after their Retry-After (the
// server did not run the request) and, for idempotent calls only,
// transient failures (see [transient]) and broken connections, and
// decodes the final answer into out. A quota answer ("API calls quota
// exceeded", whatever its status) is retried only when it names a wait,
// as the per-second limit does, and never as a transient failure; no
// answer asking to wait longer than maxRetryAfter is retried.
func (c *Client) exchange(ctx context.Context, cl *call, out any) error {
	for attempt := 0; ; attempt++ {
		rep, sendErr := c.send(ctx, cl)
		if err := ctx.Err(); err != nil {
			return err
		}
		wait, retry, err := c.judge(cl, rep, sendErr, attempt, out)
		if !retry || attempt >= c.cfg.MaxRetries {
			return err
		}
		c.debugf("retry %d/%d of %s %s in %s: %v", attempt+1, c.cfg.MaxRetries, cl.method, cl.url, wait, err)
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// judge decides the outcome of one attempt: the error (nil on success),
// whether to retry and how long to wait first.
func (c *Client) judge(cl *call, rep *reply, sendErr error, attempt int, out any) (time.Duration, bool, error) {
	if errors.Is(sendErr, ErrResponseTooLarge) {
		return 0, false, sendErr
	}
	if sendErr != nil {
		var ue *url.Error
		if errors.As(sendErr, &ue) {
			sendErr = ue.Err
		}
		err := fmt.Errorf("client: %s %s: %w", cl.method, cl.url, sendErr)
		return backoff(attempt), cl.idempotent, err
	}
	err := decodeResponse(rep.status, rep.body, out)
	var e *Error
	if errors.As(err, &e) {
		e.Message, e.Raw = c.scrub(e.Message), c.scrub(e.Raw)
	}
	switch {
	case e != nil && isQuotaMessage(e.Message):
		// The per-second limit names its wait; a quota answer that
		// names none (the daily quota) is final, whatever its status.
		wait, named := namedWait(rep)
		return wait, named && wait <= maxRetryAfter, err
	case rep.status == http.StatusTooManyRequests:
		wait := retryAfter(rep)
		return wait, wait <= maxRetryAfter, err
	case e != nil && transient(rep.status, e):
		return backoff(attempt), cl.idempotent, err
	}
	return 0, false, err
}

// transient reports whether a failed answer may succeed when sent again:
// a 5xx without an errorCode (a proxy's error page), a 5xx whose errorCode
// is General or Internal (the server's own unexpected failures; every other
// code, such as InvalidQuery or SessionTimeout, is a final answer or handled
// elsewhere), or a 2xx whose body could not be decoded (cut off in transit).
func transient(status int, e *Error) bool {
	switch {
	case status >= 500:
		return e.Code == "" || e.Code == "General" || e.Code == "Internal"
	case status >= 200 && status < 300:
		return true
	}
	return false
}

// backoff is the exponential wait before retry attempt+1, with jitter:
// a random duration between half and all of base·2^attempt (capped).
func backoff(attempt int) time.Duration {
	d := backoffMax
	if attempt < 6 {
		d = min(backoffBase<<attempt, backoffMax)
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads the wait of a 429 answer: the wait it names (see
// [namedWait]), else 1 second.
func retryAfter(rep *reply) time.Duration {
	if d, ok := namedWait(rep); ok {
		return d
	}
	return time.Second
}

// namedWait reads the wait an answer asks for: the Retry-After header
// (seconds or an HTTP date), else the body's retryAfter (at most a day,
// so that it cannot overflow). ok is false when it names none that can
// be read.
func namedWait(rep *reply) (d time.Duration, ok bool) {
	v := strings.TrimSpace(rep.header.Get("Retry-After"))
	if v == "" {
		var rb rateBody
		if decodeJSON(rep.body, &rb) == nil {
			v = strings.TrimSpace(rb.RetryAfter)
		}
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 {
		return time.Duration(min(n, longWait.Seconds()) * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(time.Until(t), 0), longWait), true
	}
	return 0, false
}
