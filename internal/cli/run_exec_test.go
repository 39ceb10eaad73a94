package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/czql/czql/client"
)

func TestExitForError(t *testing.T) {
	for _, tc := range []struct {
		err    error
		code   int
		stderr string
	}{
		{&client.Error{StatusCode: 500, Code: "InvalidField", Message: "Field Nmae does not exist", ReferenceID: "r-42"}, ExitErrors,
			"czql: query rejected: InvalidField: Field Nmae does not exist (reference r-42)\n"},
		{fmt.Errorf("page 2: %w", &client.Error{StatusCode: 500, Code: "InvalidQuery", Message: "bad"}), ExitErrors,
			"czql: query rejected: InvalidQuery: bad\n"},
		{&client.Error{StatusCode: 502, Raw: "<html>Bad gateway</html>"}, ExitUsage, "czql: clarizen: HTTP 502: <html>Bad gateway</html>\n"},
		{&client.Error{StatusCode: 404, Raw: "not found"}, ExitErrors, "czql: clarizen: HTTP 404: not found\n"},
		{errors.New("dial tcp 127.0.0.1:1: connection refused"), ExitUsage, "czql: dial tcp 127.0.0.1:1: connection refused\n"},
		{context.Canceled, ExitInterrupted, ""},
		{&writeError{errors.New("broken pipe")}, ExitUsage, "czql: writing the result: broken pipe\n"},
	} {
		var stderr bytes.Buffer
		code := exitForError(&env{stderr: &stderr}, tc.err)
		if code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.err, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}
