package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/czql/czql/api"
)

// BulkLimit is the most sub-requests sent in one bulk/execute call.
const BulkLimit = 100

// pathBulk is the bulk endpoint, relative to the server location.
const pathBulk = "/bulk/execute"

// BulkResponse is the answer to one sub-request of a bulk call.
type BulkResponse struct {
	StatusCode int             `json:"statusCode"`
	Body       json.RawMessage `json:"body"`
}

// Bulk runs items through POST /bulk/execute in calls of at most
// BulkLimit items and returns the responses in order. A batch is retried
// after 5xx or a broken connection only when all its items are queries.
// On error it returns the responses of the calls that succeeded.
func (c *Client) Bulk(ctx context.Context, items []api.BulkItem) ([]BulkResponse, error) {
	out := make([]BulkResponse, 0, len(items))
	for start := 0; start < len(items); start += BulkLimit {
		chunk := items[start:min(start+BulkLimit, len(items))]
		var r struct {
			Responses []BulkResponse `json:"responses"`
		}
		body := map[string]any{"requests": chunk}
		if err := c.do(ctx, http.MethodPost, pathBulk, body, allReads(chunk), &r); err != nil {
			return out, err
		}
		out = append(out, r.Responses...)
	}
	return out, nil
}

// allReads reports whether every item is a query or a metadata read.
func allReads(items []api.BulkItem) bool {
	for _, it := range items {
		if !isRead(it) {
			return false
		}
	}
	return true
}

// isRead reports whether a bulk item only reads: a GET, or a POST to a
// query or metadata endpoint.
func isRead(it api.BulkItem) bool {
	if strings.EqualFold(it.Method, http.MethodGet) {
		return true
	}
	path, _, _ := strings.Cut(it.URL, "?")
	path = strings.ToLower(path)
	if strings.HasPrefix(path, "/metadata/") {
		return true
	}
	switch path {
	case "/data/query", "/data/entityquery", "/data/aggregatequery",
		"/data/relationquery", "/data/countquery", "/data/search",
		"/data/finduserquery", "/data/expensequery", "/data/timesheetquery",
		"/data/getcalendarinfo":
		return true
	}
	return false
}
