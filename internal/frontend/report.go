package frontend

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
)

// ReportError writes err on w as `czql run` reports the failures of the
// API and the network, and returns its exit code: [ExitInterrupted],
// without a word, when the context was cancelled; [ExitUsage] for an
// answer that says the API calls quota is exceeded (whatever its status
// or code: nothing more can be sent for now); [ExitErrors] when the
// API answered with an error body ("czql: query rejected: InvalidField:
// … (reference …)") or a client error; [ExitUsage] for network failures
// and server errors without a body. A failed metadata fetch
// ([Conn.FetchMetadata]) is reported with the step that failed and the
// code that step calls for.
func ReportError(w io.Writer, err error) int {
	var apiErr *client.Error
	var fe *fetchError
	switch {
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &fe):
		errorf(w, "%v", fe)
		return fe.code
	case errors.As(err, &apiErr) && client.IsQuotaExceeded(apiErr):
		errorf(w, "the API calls quota is exceeded: %s", quotaText(apiErr))
		return ExitUsage
	case errors.As(err, &apiErr) && apiErr.Code != "":
		errorf(w, "query rejected: %s", apiErrorText(apiErr))
		return ExitErrors
	case errors.As(err, &apiErr) && apiErr.StatusCode < http.StatusInternalServerError:
		errorf(w, "%v", apiErr)
		return ExitErrors
	}
	errorf(w, "%v", connectionText(err))
	return ExitUsage
}

// errorf writes "czql: message" on w.
func errorf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "czql: "+format+"\n", args...)
}

// connectionText describes a network failure. An error that wraps io.EOF
// (the server closed the connection) says so instead of printing "EOF"
// alone, or nothing.
func connectionText(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Sprintf("the connection was closed before the answer was complete (%v)", err)
	}
	return err.Error()
}

// quotaText is the message of a quota answer and its reference, if any.
func quotaText(err *client.Error) string {
	if err.ReferenceID == "" {
		return err.Message
	}
	return err.Message + " (reference " + err.ReferenceID + ")"
}

// apiErrorText formats an API error body as "Code: message (reference id)".
func apiErrorText(err *client.Error) string {
	return (&api.ErrorBody{ErrorCode: err.Code, Message: err.Message, ReferenceID: err.ReferenceID}).Error()
}
