package cli

import (
	"fmt"

	"github.com/czql/czql/internal/frontend"
)

// metadataFetch downloads the organisation's metadata and replaces the
// cache at path; on any failure the old file is left as it was.
func metadataFetch(e *env, f *metadataFlags, path string) int {
	conn, code := frontend.Dial(e.ctx, frontend.ConnectOptions{
		Stdin: e.stdin, Stderr: e.stderr, Getenv: e.getenv, PasswordStdin: f.passwordStdin, Debug: f.debug,
	})
	if code != ExitOK {
		return code
	}
	defer conn.Close()
	md, err := conn.FetchMetadata(e.ctx, path)
	if err != nil {
		return frontend.ReportError(e.stderr, err)
	}
	fmt.Fprintf(e.stderr, "czql: cached the metadata of %d entities from %s in %s\n", len(md.Entities()), md.Host, path)
	return ExitOK
}
