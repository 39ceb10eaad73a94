package cli

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// describeFlags are the describeMetadata flags fetch asks for.
var describeFlags = []string{"fields", "relations"}

// metadataFetch downloads the organisation's metadata and replaces the
// cache at path; on any failure the old file is left as it was.
func metadataFetch(e *env, f *metadataFlags, path string) int {
	conn, code := connect(e, connFlags{passwordStdin: f.passwordStdin, debug: f.debug})
	if code != ExitOK {
		return code
	}
	defer conn.close()
	md, err := fetchMetadata(e, conn, path)
	if err != nil {
		return reportFetchError(e, err)
	}
	fmt.Fprintf(e.stderr, "czql: cached the metadata of %d entities from %s in %s\n", len(md.Entities()), md.Host, path)
	return ExitOK
}

// fetchError is a failure of fetchMetadata after the API answered: the
// answer could not be decoded or the cache not written.
type fetchError struct {
	what string // "decoding describeMetadata", "writing the cache"
	code int    // the exit code
	err  error
}

// Error implements error.
func (f *fetchError) Error() string {
	return fmt.Sprintf("%s: %v (the cache is unchanged)", f.what, f.err)
}

// Unwrap returns the underlying error.
func (f *fetchError) Unwrap() error { return f.err }

// fetchMetadata downloads the organisation's metadata over conn and, when
// path is not empty, replaces the cache at path with it; on any failure
// the old file is left as it was.
func fetchMetadata(e *env, conn *connection, path string) (*metadata.Metadata, error) {
	raw, err := conn.client.DescribeMetadata(e.ctx, nil, describeFlags)
	if err != nil {
		return nil, err
	}
	md, err := metadata.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, &fetchError{"decoding describeMetadata", ExitErrors, err}
	}
	md.FetchedAt = time.Now().UTC()
	md.Host, _ = cacheIdentity(e)
	if path == "" {
		return md, nil
	}
	var buf bytes.Buffer
	if err := md.WriteCache(&buf); err != nil {
		return nil, &fetchError{"encoding the cache", ExitUsage, err}
	}
	if err := frontend.CreateFile(path, buf.Bytes(), 0o600); err != nil {
		return nil, &fetchError{"writing the cache", ExitUsage, err}
	}
	return md, nil
}

// reportFetchError reports a failure of fetchMetadata and returns its
// exit code.
func reportFetchError(e *env, err error) int {
	var fe *fetchError
	if errors.As(err, &fe) {
		e.errorf("%v", fe)
		return fe.code
	}
	return exitForError(e, err)
}
