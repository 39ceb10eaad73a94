package cli

import (
	"bytes"
	"errors"
	"testing"

	"github.com/czql/czql/api"
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

func TestPageSize(t *testing.T) {
	seven := 7
	for _, tc := range []struct {
		body api.Body
		want int
	}{
		{&api.EntityQuery{}, defaultPageSize},
		{&api.EntityQuery{Paging: &api.Paging{Limit: &seven}}, 7},
		{&api.AggregateQuery{Paging: &api.Paging{Limit: &seven}}, 7},
	} {
		if got := pageSize(tc.body); got != tc.want {
			t.Errorf("pageSize(%+v) = %d, want %d", tc.body, got, tc.want)
		}
	}
}
