package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// defaultMaxBody caps the size of a (decompressed) response body.
const defaultMaxBody = 512 << 20

// ErrResponseTooLarge is wrapped by the error of a call whose answer is
// larger than the client accepts (512 MiB once decompressed). Such a
// call is not retried: the same answer would come again.
var ErrResponseTooLarge = errors.New("response body over the client's size limit")

// call describes one API request.
type call struct {
	method     string
	url        string // absolute
	body       []byte // nil for GET
	auth       string // Authorization header value, "" for none
	secret     bool   // body holds credentials: never print it
	idempotent bool   // safe to replay after 5xx or a broken connection
}

// reply is a received answer.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// newCall marshals body (nil for none) into a call.
func newCall(method, url string, body any) (*call, error) {
	cl := &call{method: method, url: url}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("client: encoding request: %w", err)
		}
		cl.body = b
	}
	return cl, nil
}

// send performs one HTTP exchange and reads the whole (gunzipped) body.
func (c *Client) send(ctx context.Context, cl *call) (*reply, error) {
	var rd io.Reader
	if cl.body != nil {
		rd = bytes.NewReader(cl.body)
	}
	req, err := http.NewRequestWithContext(ctx, cl.method, cl.url, rd)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	if cl.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if cl.auth != "" {
		req.Header.Set("Authorization", cl.auth)
	}
	c.debugRequest(cl)
	if c.cfg.OnRequest != nil {
		c.cfg.OnRequest(req.Method, req.URL.Path)
	}
	start := time.Now()
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		c.debugf("<-- %s %s: %v", cl.method, cl.url, err)
		return nil, err
	}
	defer resp.Body.Close()
	body, err := readBody(resp, c.maxBody)
	c.debugf("<-- %d %s %s (%d bytes, %s)", resp.StatusCode, cl.method, cl.url, len(body), time.Since(start).Round(time.Millisecond))
	if errors.Is(err, ErrResponseTooLarge) {
		return nil, fmt.Errorf("client: %s %s: the answer (HTTP %d) is larger than %d bytes: %w", cl.method, cl.url, resp.StatusCode, c.maxBody, err)
	}
	if err != nil {
		return nil, err
	}
	return &reply{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// readBody reads a response body of at most limit bytes (after gzip,
// which it decodes itself because the Accept-Encoding header is set by
// hand). A longer body, or a Content-Length over limit, is
// [ErrResponseTooLarge], never a body cut short.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	if resp.ContentLength > limit {
		return nil, ErrResponseTooLarge
	}
	var rd io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		rd = zr
	}
	body, err := io.ReadAll(io.LimitReader(rd, limit+1))
	if int64(len(body)) > limit {
		return nil, ErrResponseTooLarge
	}
	return body, err
}
