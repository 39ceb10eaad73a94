package client

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/czql/czql/api"
)

// rateBody is the 429 body, which is not the normal error shape.
type rateBody struct {
	StatusCode string `json:"statusCode"`
	Message    string `json:"message"`
	RetryAfter string `json:"retryAfter"`
}

// decodeResponse decodes a response body: into out (which may be nil) for
// 2xx statuses, into an [*Error] otherwise. Bodies that are not valid JSON
// give an *Error with the raw text; it never panics.
func decodeResponse(status int, body []byte, out any) error {
	if status >= 200 && status < 300 {
		if e := quotaAnswer(status, body); e != nil {
			return e
		}
		if out == nil {
			return nil
		}
		if err := json.Unmarshal(body, out); err != nil {
			return &Error{StatusCode: status, Message: "invalid JSON response: " + err.Error(), Raw: truncate(string(body))}
		}
		return nil
	}
	return decodeError(status, body)
}

// decodeError turns a failed answer into an [*Error].
func decodeError(status int, body []byte) *Error {
	e := &Error{StatusCode: status}
	var eb api.ErrorBody
	if json.Unmarshal(body, &eb) == nil && eb.ErrorCode != "" {
		e.Code, e.Message, e.ReferenceID = eb.ErrorCode, eb.Message, eb.ReferenceID
		return e
	}
	var rb rateBody
	if json.Unmarshal(body, &rb) == nil && rb.Message != "" {
		e.Message = rb.Message
		return e
	}
	e.Message = http.StatusText(status)
	e.Raw = truncate(strings.TrimSpace(string(body)))
	return e
}

// quotaAnswer returns the [*Error] of a successful status whose body is
// a quota answer (a top-level message saying "API calls quota
// exceeded"), or nil. Rows that merely mention a quota are not one.
func quotaAnswer(status int, body []byte) *Error {
	if !bytes.Contains(bytes.ToLower(body), []byte(quotaMessage)) {
		return nil
	}
	var eb struct {
		ErrorCode   string `json:"errorCode"`
		Message     string `json:"message"`
		ReferenceID string `json:"referenceId"`
	}
	if json.Unmarshal(body, &eb) != nil || !isQuotaMessage(eb.Message) {
		return nil
	}
	return &Error{StatusCode: status, Code: eb.ErrorCode, Message: eb.Message, ReferenceID: eb.ReferenceID}
}

// decodeJSON unmarshals b into v.
func decodeJSON(b []byte, v any) error { return json.Unmarshal(b, v) }
