package cli

import (
	"context"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// serveOrganisation starts a sandbox serving md and data (no rate limit)
// until the test ends, and points czql at it as the demo user: CZQL_URL,
// CZQL_USER, CZQL_PASSWORD, no API key, and a cache of the test's own.
func serveOrganisation(t *testing.T, md *metadata.Metadata, data *sandbox.Dataset) {
	t.Helper()
	srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{Metadata: md, Data: data, RateLimit: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	t.Setenv("CZQL_URL", srv.URL)
	t.Setenv("CZQL_USER", sandbox.DemoUser)
	t.Setenv("CZQL_PASSWORD", sandbox.DemoPassword)
	t.Setenv("CZQL_API_KEY", "")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
}
