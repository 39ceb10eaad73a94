package repl

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// The organisation the tests query: the shared metadata fixture and the
// small dataset of the CLI's run scripts, whose rows they check exactly.
// The paths are absolute, so that a test may change the working
// directory.
var (
	fixtureMetadataPath = absPath("../../testdata/metadata/clarizen.json")
	smallDataset        = absPath("../cli/testdata/sandbox/data.json")
)

// absPath makes rel, relative to the package's directory, absolute.
func absPath(rel string) string {
	abs, err := filepath.Abs(rel)
	if err != nil {
		panic(err)
	}
	return abs
}

// startSandbox serves the small organisation on 127.0.0.1:0 for the
// duration of the test and returns its URL.
func startSandbox(t *testing.T) string {
	t.Helper()
	md, data := smallOrganisation(t)
	srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: data,
		Users:     map[string]string{sandbox.DemoUser: sandbox.DemoPassword},
		RateLimit: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv.URL
}

// smallOrganisation loads the metadata fixture and the small dataset.
func smallOrganisation(t *testing.T) (*metadata.Metadata, *sandbox.Dataset) {
	t.Helper()
	md, err := metadata.Load(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := sandbox.LoadDataset(smallDataset)
	if err != nil {
		t.Fatal(err)
	}
	return md, data
}

// result is what one czql-repl run printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// runREPL runs czql-repl with args on the test sandbox, input on
// standard input, validating against the metadata fixture.
func runREPL(t *testing.T, input string, args ...string) result {
	t.Helper()
	return runREPLEnv(t, nil, input, args...)
}

// runREPLEnv is runREPL with extra environment variables.
func runREPLEnv(t *testing.T, extra map[string]string, input string, args ...string) result {
	t.Helper()
	args = append([]string{"--metadata", fixtureMetadataPath}, args...)
	return runREPLReading(t, extra, strings.NewReader(input), args...)
}

// runREPLReading runs czql-repl with args on the test sandbox, with extra
// environment variables, reading standard input from input.
func runREPLReading(t *testing.T, extra map[string]string, input io.Reader, args ...string) result {
	t.Helper()
	env := map[string]string{
		"CZQL_URL": startSandbox(t), "CZQL_USER": sandbox.DemoUser, "CZQL_PASSWORD": sandbox.DemoPassword,
		"XDG_CACHE_HOME": t.TempDir(), "HOME": t.TempDir(), "NO_COLOR": "1",
	}
	for k, v := range extra {
		env[k] = v
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, input, &stdout, &stderr, func(k string) string { return env[k] })
	return result{stdout.String(), stderr.String(), code}
}
