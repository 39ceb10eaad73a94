package frontend

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/czql/czql/metadata"
)

// describeFlags are the describeMetadata flags a fetch asks for.
var describeFlags = []string{"fields", "relations"}

// fetchError is a failure of [Conn.FetchMetadata] after the API answered:
// the answer could not be decoded or the cache not written.
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

// FetchMetadata downloads the organisation's metadata (describeMetadata
// with fields and relations) and, when path is not empty, replaces the
// cache at path with it, mode 0600, creating its directory as needed; on
// any failure the old file is left as it was. [ReportError] reports its
// errors. ctx bounds the fetch.
func (c *Conn) FetchMetadata(ctx context.Context, path string) (*metadata.Metadata, error) {
	raw, err := c.Client.DescribeMetadata(ctx, nil, describeFlags)
	if err != nil {
		return nil, err
	}
	md, err := metadata.Decode(bytes.NewReader(raw))
	if err != nil {
		return nil, &fetchError{"decoding describeMetadata", ExitErrors, err}
	}
	md.FetchedAt = time.Now().UTC()
	md.Host, _ = CacheIdentity(c.env.getenv)
	WarnDuplicates(c.env.stderr, "from "+md.Host, md)
	if path == "" {
		return md, nil
	}
	var buf bytes.Buffer
	if err := md.WriteCache(&buf); err != nil {
		return nil, &fetchError{"encoding the cache", ExitUsage, err}
	}
	if err := createFile(path, buf.Bytes(), 0o600); err != nil {
		return nil, &fetchError{"writing the cache", ExitUsage, err}
	}
	return md, nil
}
