package client

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// maxRaw is the most of a non-JSON body kept in [Error.Raw].
const maxRaw = 2048

// Sentinel errors matched by [Error.Is], for use with errors.Is.
var (
	// ErrSessionTimeout matches an expired session (errorCode
	// SessionTimeout or HTTP 401).
	ErrSessionTimeout = errors.New("session timeout")
	// ErrRateLimited matches HTTP 429 answers and quota answers (see
	// ErrQuotaExceeded).
	ErrRateLimited = errors.New("rate limited")
	// ErrQuotaExceeded matches an answer whose message says "API calls
	// quota exceeded", whatever its HTTP status: the per-second limit
	// (a 429 that names its wait) or the organisation's daily quota.
	ErrQuotaExceeded = errors.New("API calls quota exceeded")
	// ErrRejected matches a query the API refused (InvalidQuery,
	// InvalidField or InvalidArgument).
	ErrRejected = errors.New("query rejected")
)

// Error is a failed API call: the HTTP status, the API's error body when
// there is one, and otherwise the raw text of the body.
type Error struct {
	StatusCode  int    // HTTP status
	Code        string // errorCode, e.g. InvalidField; "" when the body had none
	Message     string // message of the error body, or a description
	ReferenceID string // referenceId to quote to support
	Raw         string // non-JSON body, truncated to 2 KB
}

// Error formats the status, code, message and reference.
func (e *Error) Error() string {
	s := fmt.Sprintf("clarizen: HTTP %d", e.StatusCode)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.ReferenceID != "" {
		s += " (reference " + e.ReferenceID + ")"
	}
	if e.Raw != "" && e.Code == "" {
		s += ": " + e.Raw
	}
	return s
}

// Is matches ErrSessionTimeout, ErrRateLimited, ErrQuotaExceeded and
// ErrRejected.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrSessionTimeout:
		return e.Code == "SessionTimeout" || e.StatusCode == http.StatusUnauthorized
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests || isQuotaMessage(e.Message)
	case ErrQuotaExceeded:
		return isQuotaMessage(e.Message)
	case ErrRejected:
		return e.Code == "InvalidQuery" || e.Code == "InvalidField" || e.Code == "InvalidArgument"
	}
	return false
}

// IsSessionTimeout reports whether err is an expired session.
func IsSessionTimeout(err error) bool { return errors.Is(err, ErrSessionTimeout) }

// IsRateLimited reports whether err is a 429 answer or a quota answer.
func IsRateLimited(err error) bool { return errors.Is(err, ErrRateLimited) }

// IsQuotaExceeded reports whether err is an answer that says the API
// calls quota is exceeded.
func IsQuotaExceeded(err error) bool { return errors.Is(err, ErrQuotaExceeded) }

// quotaMessage is what the API's quota answers say, in any case.
const quotaMessage = "api calls quota exceeded"

// isQuotaMessage reports whether msg is the message of a quota answer.
func isQuotaMessage(msg string) bool {
	return strings.Contains(strings.ToLower(msg), quotaMessage)
}

// IsRejected reports whether err is a query the API refused as invalid.
func IsRejected(err error) bool { return errors.Is(err, ErrRejected) }

// truncate keeps at most maxRaw bytes of s, marking the cut.
func truncate(s string) string {
	if len(s) <= maxRaw {
		return s
	}
	return s[:maxRaw] + "…(truncated)"
}
