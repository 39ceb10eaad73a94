package api

import (
	"encoding/json"
	"fmt"
)

// QueryResponse is the answer of the query endpoints: the rows and the
// paging object to send back for the next page while HasMore is true.
type QueryResponse struct {
	Entities []map[string]json.RawMessage `json:"entities"`
	Paging   *Paging                      `json:"paging,omitempty"`
}

// CountResponse is the answer of /data/countQuery.
type CountResponse struct {
	Count int64 `json:"count"`
}

// ErrorBody is the body of a failed API call.
type ErrorBody struct {
	ErrorCode   string `json:"errorCode"`
	Message     string `json:"message"`
	ReferenceID string `json:"referenceId,omitempty"`
}

// Error formats the body as "ErrorCode: message (reference id)".
func (e *ErrorBody) Error() string {
	if e.ReferenceID == "" {
		return fmt.Sprintf("%s: %s", e.ErrorCode, e.Message)
	}
	return fmt.Sprintf("%s: %s (reference %s)", e.ErrorCode, e.Message, e.ReferenceID)
}
