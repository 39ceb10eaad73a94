package sandbox

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/czql/czql/api"
)

// decodeBody turns a request body as read from the wire into the JSON the
// endpoints decode: a gzip body (Content-Encoding: gzip) is decompressed,
// its decompressed size at most limit bytes; then relaxed JSON and
// form-encoded bodies are rewritten as JSON (see normalize).
func decodeBody(h http.Header, raw []byte, limit int) ([]byte, error) {
	switch enc := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		var err error
		if raw, err = gunzip(raw, limit); err != nil {
			return nil, err
		}
	default:
		return nil, errorf(codeInvalidArgument, "unsupported Content-Encoding %q", enc)
	}
	return normalize(h.Get("Content-Type"), raw), nil
}

// gunzip decompresses data, refusing more than limit bytes of output: a
// small body that inflates to gigabytes stops at limit.
func gunzip(data []byte, limit int) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errorf(codeInvalidArgument, "malformed gzip request body: %v", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil {
		return nil, errorf(codeInvalidArgument, "malformed gzip request body: %v", err)
	}
	if len(out) > limit {
		return nil, errorf(codeInvalidArgument, "request body too large")
	}
	return out, nil
}

// normalize rewrites a body in the relaxed JSON of the API guide's
// examples as standard JSON, and a form-encoded body (which several
// clients post) as a JSON object of its parameters (see paramsJSON). Other
// bodies, and bodies that fail to convert, come back unchanged, for the
// endpoint to reject with its own error.
func normalize(contentType string, body []byte) []byte {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return body
	}
	switch trimmed[0] {
	case '{', '[', '\'', '"':
		if out, err := api.StrictJSON(trimmed); err == nil {
			return out
		}
		return body
	}
	if !isForm(contentType, trimmed) {
		return body
	}
	form, err := url.ParseQuery(string(trimmed))
	if err != nil {
		return body
	}
	out, err := paramsJSON(form, "")
	if err != nil {
		return body
	}
	return out
}

// isForm reports whether a body that is not JSON is form-encoded: by its
// Content-Type, or by its look (name=value pairs).
func isForm(contentType string, body []byte) bool {
	if strings.HasPrefix(strings.ToLower(contentType), "application/x-www-form-urlencoded") {
		return true
	}
	return bytes.IndexByte(body, '=') > 0
}

// subBody returns the body of a bulk sub-request as JSON: the guide's own
// bulk example gives it as a string of relaxed JSON.
func subBody(raw json.RawMessage) []byte {
	var text string
	if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &text) == nil {
		return normalize("", []byte(text))
	}
	return raw
}
