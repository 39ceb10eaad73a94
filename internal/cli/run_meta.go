package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/czql/czql/metadata"
)

// noRunMetadataNote is the line run writes when it cannot validate.
const noRunMetadataNote = "czql: no metadata: sending the statements unchecked (see 'czql metadata fetch')"

// runMetadata returns the metadata to validate against: --metadata
// (flagPath), else CZQL_METADATA, else the embedded sandbox's own, else
// the cache of the organisation; nil, with a note, when there is none.
func runMetadata(e *env, flagPath string, conn *connection) (*metadata.Metadata, int) {
	if path := runMetadataPath(e, flagPath, conn); path != "" || conn.sandboxMD == nil {
		return loadMetadataFile(e, path, noRunMetadataNote)
	}
	return conn.sandboxMD, ExitOK
}

// runMetadataPath is the metadata file runMetadata loads, unless it is ""
// and the embedded sandbox's own is used: --metadata (flagPath), else
// CZQL_METADATA, else the organisation's cache when it exists (not for
// the embedded sandbox, whose metadata is at hand); "" when none applies.
func runMetadataPath(e *env, flagPath string, conn *connection) string {
	if flagPath != "" {
		return flagPath
	}
	if p := e.lookupEnv("CZQL_METADATA"); p != "" {
		return p
	}
	if conn.sandboxMD != nil {
		return ""
	}
	if p := metadataCachePath(e); p != "" && fileExists(p) {
		return p
	}
	return ""
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
		msg := fmt.Sprintf("loading metadata: %v", err)
		if errors.Is(err, metadata.ErrCorruptCache) && !strings.Contains(msg, "metadata fetch") {
			msg += " (run czql metadata fetch to download it again, or czql metadata clear to remove it)"
		}
		e.errorf("%s", msg)
		return nil, ExitUsage
	}
	return md, ExitOK
}
