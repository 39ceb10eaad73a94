package cli

import (
	"fmt"

	"github.com/czql/czql/metadata"
)

// noRunMetadataNote is the line run writes when it cannot validate.
const noRunMetadataNote = "czql: no metadata: sending the statements unchecked (see 'czql metadata fetch')"

// runMetadata returns the metadata to validate against: --metadata
// (flagPath), else CZQL_METADATA, else the embedded sandbox's own, else
// the cache of the organisation; nil, with a note, when there is none.
func runMetadata(e *env, flagPath string, conn *connection) (*metadata.Metadata, int) {
	path := flagPath
	if path == "" {
		path = e.lookupEnv("CZQL_METADATA")
	}
	if path == "" && conn.sandboxMD != nil {
		return conn.sandboxMD, ExitOK
	}
	if path == "" {
		if p := metadataCachePath(e); p != "" && fileExists(p) {
			path = p
		}
	}
	return loadMetadataFile(e, path, noRunMetadataNote)
}

// loadMetadataFile loads the metadata file at path; when path is empty it
// writes note on stderr and returns nil, which callers take as "no
// metadata". A file that cannot be loaded is a usage error (exit 2).
func loadMetadataFile(e *env, path, note string) (*metadata.Metadata, int) {
	if path == "" {
		fmt.Fprintln(e.stderr, note)
		return nil, ExitOK
	}
	md, err := metadata.Load(path)
	if err != nil {
		e.errorf("loading metadata: %v", err)
		return nil, ExitUsage
	}
	return md, ExitOK
}
