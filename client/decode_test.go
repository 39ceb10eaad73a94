package client

import (
	"errors"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

func TestDecodeError(t *testing.T) {
	long := "<html>" + strings.Repeat("x", 5000) + "</html>"
	tests := []struct {
		name   string
		status int
		body   string
		want   Error
		is     error
	}{
		{"api error", 500, `{"errorCode":"InvalidQuery","message":"Unexpected token","referenceId":"abc"}`,
			Error{StatusCode: 500, Code: "InvalidQuery", Message: "Unexpected token", ReferenceID: "abc"}, ErrRejected},
		{"session timeout", 500, `{"errorCode":"SessionTimeout","message":"Session expired"}`,
			Error{StatusCode: 500, Code: "SessionTimeout", Message: "Session expired"}, ErrSessionTimeout},
		{"html 502", 502, "<html><h1>502 Bad Gateway</h1></html>\n",
			Error{StatusCode: 502, Message: "Bad Gateway", Raw: "<html><h1>502 Bad Gateway</h1></html>"}, nil},
		{"429 body", 429, `{"statusCode":"Too Many Requests","message":"API calls quota exceeded! maximum admitted 25 per Second.","retryAfter":"1"}`,
			Error{StatusCode: 429, Message: "API calls quota exceeded! maximum admitted 25 per Second."}, ErrRateLimited},
		{"quota 500", 500, `{"errorCode":"General","message":"API calls quota exceeded","referenceId":"q1"}`,
			Error{StatusCode: 500, Code: "General", Message: "API calls quota exceeded", ReferenceID: "q1"}, ErrQuotaExceeded},
		{"quota 200", 200, `{"message":"API calls quota exceeded for today"}`,
			Error{StatusCode: 200, Message: "API calls quota exceeded for today"}, ErrQuotaExceeded},
		{"truncated error", 500, `{"errorCode":"Inva`,
			Error{StatusCode: 500, Message: "Internal Server Error", Raw: `{"errorCode":"Inva`}, nil},
		{"empty 401", 401, "", Error{StatusCode: 401, Message: "Unauthorized"}, ErrSessionTimeout},
		{"long page", 503, long, Error{StatusCode: 503, Message: "Service Unavailable", Raw: long[:maxRaw] + "…(truncated)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeResponse(tt.status, []byte(tt.body), nil)
			var e *Error
			if !errors.As(err, &e) || *e != tt.want {
				t.Fatalf("got %#v\nwant %#v", err, &tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v) = false", tt.is)
			}
			if err.Error() == "" {
				t.Error("empty message")
			}
		})
	}
}

func TestDecodeTruncatedSuccess(t *testing.T) {
	var r api.QueryResponse
	err := decodeResponse(200, []byte(`{"entities":[{"id":"/Task/1","Na`), &r)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 200 || e.Raw != `{"entities":[{"id":"/Task/1","Na` {
		t.Fatalf("err = %#v", err)
	}
}

func TestErrorMessage(t *testing.T) {
	e := &Error{StatusCode: 500, Code: "InvalidField", Message: "no field X", ReferenceID: "r1"}
	if got, want := e.Error(), "clarizen: HTTP 500 InvalidField: no field X (reference r1)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
