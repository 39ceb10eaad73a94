package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
)

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
	if len(req.Requests) > MaxBulkRequests {
		return nil, errorf(codeInvalidArgument, "at most %d requests per bulk call", MaxBulkRequests)
	}
	responses := make([]any, 0, len(req.Requests))
	size, max := 0, s.opts.MaxResponseBytes-bulkOverhead
	for _, sub := range req.Requests {
		if size > max {
			responses = append(responses, tooLarge(s.opts.MaxResponseBytes))
			continue
		}
		resp := s.runSub(r, sub.URL, strings.ToUpper(sub.Method), subBody(sub.Body))
		if size += len(resp.body); size > max {
			resp = tooLarge(s.opts.MaxResponseBytes)
		}
		responses = append(responses, resp)
	}
	return obj{{"responses", responses}}, nil
}

// bulkOverhead is room left in a bulk answer for what surrounds the
// sub-requests' bodies: their status codes and the not-run answers.
const bulkOverhead = 64 << 10

// subResponse is one answer of a bulk call.
type subResponse struct {
	status int
	body   json.RawMessage
}

// MarshalJSON writes {"statusCode": …, "body": …}.
func (r subResponse) MarshalJSON() ([]byte, error) {
	return obj{{"statusCode", r.status}, {"body", r.body}}.MarshalJSON()
}

// tooLarge is the answer of the sub-requests that come after the bulk
// call's answers have reached max bytes: they do not run.
func tooLarge(max int) subResponse {
	return subResponse{http.StatusInternalServerError, errorBody(errorf(codeInvalidOperation,
		"not run: the answers of this bulk call reached %d bytes", max))}
}

// runSub runs one bulk sub-request and returns {statusCode, body}.
func (s *Server) runSub(parent *http.Request, url, method string, body []byte) subResponse {
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
	return subResponse{rec.Code, out}
}
