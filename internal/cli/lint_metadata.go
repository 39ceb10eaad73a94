package cli

import (
	"fmt"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// noMetadataNote is the one line lint writes when it has no metadata.
const noMetadataNote = "czql: no metadata: checking syntax only (use --metadata FILE or CZQL_METADATA)"

// loadLintMetadata loads the metadata named by --metadata (flagPath), else
// the one [frontend.DefaultMetadata] finds: CZQL_METADATA, else the
// organisation's cache, else without CZQL_URL the newest cache file, which
// is named on standard error since it may be any organisation's. Without
// any it writes a note and returns nil: lint then checks the syntax only.
// A file that cannot be loaded is reported and gives [ExitUsage].
func loadLintMetadata(e *env, flagPath string, verbose bool) (*metadata.Metadata, int) {
	path, note := flagPath, noMetadataNote
	if path == "" {
		src := frontend.DefaultMetadata(e.lookupEnv)
		path = src.Path
		switch src.Origin {
		case frontend.NoCacheForOrg:
			host, user := frontend.CacheIdentity(e.lookupEnv)
			note = fmt.Sprintf("czql: no metadata cache for %s as %s: checking syntax only (run czql metadata fetch, or use --metadata FILE)", host, user)
		case frontend.FromNewestCache:
			fmt.Fprintf(e.stderr, "czql: no CZQL_URL set: checking against the newest metadata cache, %s\n", path)
		}
	}
	if path != "" && verbose {
		fmt.Fprintf(e.stderr, "czql: metadata: %s\n", path)
	}
	return frontend.LoadMetadataFile(e.stderr, path, note)
}
