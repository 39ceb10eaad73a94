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
	// maxRetryAfter caps a server-requested wait.
	maxRetryAfter = 5 * time.Minute
)

// exchange sends cl, retrying 429 answers (always: the server did not run
// the request) and, for idempotent calls only, transient failures (see
// [transient]) and broken connections, and decodes the final answer into
// out.
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
	case rep.status == http.StatusTooManyRequests:
		return retryAfter(rep), true, err
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

// retryAfter reads the wait of a 429 answer: the Retry-After header
// (seconds or an HTTP date), else the body's retryAfter, else 1 second.
func retryAfter(rep *reply) time.Duration {
	v := strings.TrimSpace(rep.header.Get("Retry-After"))
	if v == "" {
		var rb rateBody
		if decodeJSON(rep.body, &rb) == nil {
			v = strings.TrimSpace(rb.RetryAfter)
		}
	}
	d := time.Second
	if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 && n < maxRetryAfter.Seconds() {
		d = time.Duration(n * float64(time.Second))
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(time.Until(t), 0)
	}
	return min(d, maxRetryAfter)
}
