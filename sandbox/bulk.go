package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
)

// maxBulk caps the sub-requests of one bulk call.
const maxBulk = 1000

// bulk answers bulk/execute: each sub-request runs with the caller's
// session, and the whole call counts once against the rate limit. A
// sub-request's method is read in any case and its body may be a string
// of (relaxed) JSON, as in the API guide's example.
func (s *Server) bulk(r *http.Request, body []byte) (any, error) {
	var req struct {
		Requests []struct {
			URL    string          `json:"url"`
			Method string          `json:"method"`
			Body   json.RawMessage `json:"body"`
		} `json:"requests"`
	}
	if err := decode(body, &req); err != nil {
		return nil, err
	}
	if len(req.Requests) > maxBulk {
		return nil, errorf(codeInvalidArgument, "at most %d requests per bulk call", maxBulk)
	}
	responses := make([]any, 0, len(req.Requests))
	for _, sub := range req.Requests {
		responses = append(responses, s.runSub(r, sub.URL, strings.ToUpper(sub.Method), subBody(sub.Body)))
	}
	return obj{{"responses", responses}}, nil
}

// runSub runs one bulk sub-request and returns {statusCode, body}.
func (s *Server) runSub(parent *http.Request, url, method string, body []byte) any {
	if method == "" {
		method = http.MethodPost
	}
	path := strings.TrimSuffix(servicesPrefix, "/") + "/" + strings.TrimLeft(url, "/")
	sub, err := http.NewRequestWithContext(parent.Context(), method, path, bytes.NewReader(body))
	rec := httptest.NewRecorder()
	if err != nil {
		writeError(rec, errorf(codeInvalidArgument, "bad url %q", url))
	} else {
		sub.Header.Set("Authorization", parent.Header.Get("Authorization"))
		endpoint, ok := endpointOf(sub.URL.Path)
		if !ok || endpoint == "bulk/execute" {
			writeError(rec, errorf(codeInvalidArgument, "bad url %q", url))
		} else {
			s.serveAuthed(rec, sub, endpoint, body)
		}
	}
	var out json.RawMessage = rec.Body.Bytes()
	if !json.Valid(out) {
		out, _ = json.Marshal(rec.Body.String())
	}
	return obj{{"statusCode", rec.Code}, {"body", out}}
}
