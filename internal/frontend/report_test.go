package frontend

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/czql/czql/client"
)

func TestReportError(t *testing.T) {
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
		{&client.Error{StatusCode: 500, Code: "General", Message: "API calls quota exceeded for today", ReferenceID: "r-7"}, ExitUsage,
			"czql: the API calls quota is exceeded: API calls quota exceeded for today (reference r-7)\n"},
		{fmt.Errorf("page 3: %w", &client.Error{StatusCode: 429, Message: "API calls quota exceeded! maximum admitted 25 per Second."}), ExitUsage,
			"czql: the API calls quota is exceeded: API calls quota exceeded! maximum admitted 25 per Second.\n"},
		{&fetchError{"writing the cache", ExitUsage, errors.New("disk full")}, ExitUsage,
			"czql: writing the cache: disk full (the cache is unchanged)\n"},
		{&fetchError{"decoding describeMetadata", ExitErrors, errors.New("bad JSON")}, ExitErrors,
			"czql: decoding describeMetadata: bad JSON (the cache is unchanged)\n"},
	} {
		var stderr bytes.Buffer
		code := ReportError(&stderr, tc.err)
		if code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", tc.err, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}

// TestConnectionClosedIsDescribed checks that an error wrapping io.EOF is
// described rather than printed as "EOF" or not at all.
func TestConnectionClosedIsDescribed(t *testing.T) {
	var stderr bytes.Buffer
	if code := ReportError(&stderr, wrapEOF{}); code != ExitUsage {
		t.Errorf("exit code %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(stderr.String(), "the connection was closed before the answer was complete") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// wrapEOF is an error that wraps io.EOF, as net/http returns for a
// dropped connection.
type wrapEOF struct{}

func (wrapEOF) Error() string { return `Post "http://127.0.0.1/x": EOF` }
func (wrapEOF) Unwrap() error { return io.EOF }
