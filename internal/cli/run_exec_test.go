package cli

import (
	"bytes"
	"errors"
	"testing"

	"github.com/czql/czql/client"
)

// TestExitForError checks that a failure to write the result is reported
// as such, and that the failures of the API go to frontend.ReportError.
func TestExitForError(t *testing.T) {
	for _, tc := range []struct {
		err    error
		code   int
		stderr string
	}{
		{&client.Error{StatusCode: 500, Code: "InvalidQuery", Message: "bad"}, ExitErrors, "czql: query rejected: InvalidQuery: bad\n"},
		{&writeError{errors.New("broken pipe")}, ExitUsage, "czql: writing the result: broken pipe\n"},
	} {
		var stderr bytes.Buffer
		code := exitForError(&env{stderr: &stderr}, tc.err)
		if code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.err, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}
