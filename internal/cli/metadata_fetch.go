package cli

import (
	"bytes"
	"fmt"
	"time"

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
	raw, err := conn.client.DescribeMetadata(e.ctx, nil, describeFlags)
	if err != nil {
		return exitForError(e, err)
	}
	md, err := metadata.Decode(bytes.NewReader(raw))
	if err != nil {
		e.errorf("decoding describeMetadata: %v (the cache is unchanged)", err)
		return ExitErrors
	}
	md.FetchedAt = time.Now().UTC()
	md.Host, _ = cacheIdentity(e)
	var buf bytes.Buffer
	if err := md.WriteCache(&buf); err != nil {
		e.errorf("encoding the cache: %v (the cache is unchanged)", err)
		return ExitUsage
	}
	if err := createFileAtomic(path, buf.Bytes(), 0o600); err != nil {
		e.errorf("writing the cache: %v (the cache is unchanged)", err)
		return ExitUsage
	}
	fmt.Fprintf(e.stderr, "czql: cached the metadata of %d entities from %s in %s\n", len(md.Entities()), md.Host, path)
	return ExitOK
}
