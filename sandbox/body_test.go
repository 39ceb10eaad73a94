package sandbox

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

// The Content-Types of forms and JSON.
const (
	formType = "application/x-www-form-urlencoded"
	jsonType = "application/json"
)

// doWith sends a request with extra headers to the test server.
func (c *tclient) doWith(method, endpoint string, body []byte, header ...string) (int, []byte) {
	req := httptest.NewRequest(method, "http://sandbox.test/v2.0/services/"+endpoint, bytes.NewReader(body))
	req.Header.Set("Authorization", "Session "+c.session)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	c.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return b.Bytes()
}

// TestGzipBomb sends a small gzip body that inflates to 64 times the
// request size limit: it is refused, and decompressing it allocates a
// small multiple of the limit, not of the inflated size.
func TestGzipBomb(t *testing.T) {
	c := newTestServer(t, nil)
	const member = 1 << 20 // each gzip member inflates to 1 MB of spaces
	bomb := bytes.Repeat(gzipped(t, bytes.Repeat([]byte(" "), member)), 64*MaxRequestBytes/member)
	if len(bomb) >= MaxRequestBytes {
		t.Fatalf("the bomb is %d bytes", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	code, out := c.doWith("POST", "data/entityQuery", bomb, "Content-Encoding", "gzip")
	runtime.ReadMemStats(&after)
	if got := errorOf(t, code, out); got != "InvalidArgument" || !strings.Contains(string(out), "too large") {
		t.Errorf("gzip bomb: %s", out)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*MaxRequestBytes {
		t.Errorf("decompressing the bomb allocated %d bytes; want at most %d", alloc, 8*MaxRequestBytes)
	}
}

func TestContentEncoding(t *testing.T) {
	c := newTestServer(t, nil)
	body := []byte(`{typeName: 'Task', fields: ['Name'], paging: {limit: 1}}`)
	code, out := c.doWith("POST", "data/entityQuery", gzipped(t, body), "Content-Encoding", "GZIP")
	if code != 200 || !strings.Contains(string(out), `"Design API"`) {
		t.Errorf("gzip of relaxed JSON: %d %s", code, out)
	}
	code, out = c.doWith("POST", "data/entityQuery", body, "Content-Encoding", "identity")
	if code != 200 {
		t.Errorf("identity: %d %s", code, out)
	}
	code, out = c.doWith("POST", "data/entityQuery", []byte("not gzip"), "Content-Encoding", "gzip")
	if got := errorOf(t, code, out); got != "InvalidArgument" {
		t.Errorf("malformed gzip: %s", got)
	}
	code, out = c.doWith("POST", "data/entityQuery", body, "Content-Encoding", "br")
	if got := errorOf(t, code, out); got != "InvalidArgument" {
		t.Errorf("unsupported encoding: %s", got)
	}
}

// TestNormalize checks what becomes JSON: relaxed JSON, forms (by
// Content-Type or by look), and what is left for the endpoint to reject.
func TestNormalize(t *testing.T) {
	for _, tt := range []struct{ contentType, in, want string }{
		{"", `{a: 'b'}`, `{"a":"b"}`},
		{"", `  ['x',]  `, `["x"]`},
		{formType, `{"a":1}`, `{"a":1}`},
		{formType, `userName=sam&password=p%26w`, `{"password":"p\u0026w","userName":"sam"}`},
		{"", `ids=%2FTask%2Ft1&ids=%2FTask%2Ft2&state=Active&deleted=TRUE`, `{"deleted":true,"ids":["/Task/t1","/Task/t2"],"state":"Active"}`},
		{"", `{a: oops}`, `{a: oops}`},
		{"text/plain", `just text`, `just text`},
		{"", `where=%7Bbad`, `where=%7Bbad`},
		{"", ``, ``},
	} {
		if got := string(normalize(tt.contentType, []byte(tt.in))); got != tt.want {
			t.Errorf("normalize(%q, %s) = %s; want %s", tt.contentType, tt.in, got, tt.want)
		}
	}
}

// TestUnknownEndpoint checks that an endpoint the sandbox lacks answers
// the API's error body.
func TestUnknownEndpoint(t *testing.T) {
	c := newTestServer(t, nil)
	for _, ep := range []string{"data/lifecycle", "metadata/getSystemSettingsValues", "files/upload", "nowhere"} {
		code, out := c.do(http.MethodPost, ep, `{}`)
		if got := errorOf(t, code, out); got != "InvalidArgument" || !strings.Contains(string(out), "unknown endpoint") {
			t.Errorf("%s: %s", ep, out)
		}
	}
}
