package client

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// maxBody caps the size of a (decompressed) response body.
const maxBody = 512 << 20

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
	body, err := readBody(resp)
	c.debugf("<-- %d %s %s (%d bytes, %s)", resp.StatusCode, cl.method, cl.url, len(body), time.Since(start).Round(time.Millisecond))
	if err != nil {
		return nil, err
	}
	return &reply{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// readBody reads a response body, decoding gzip ourselves because the
// Accept-Encoding header is set by hand.
func readBody(resp *http.Response) ([]byte, error) {
	var rd io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		rd = zr
	}
	return io.ReadAll(io.LimitReader(rd, maxBody))
}
