package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// noMetadataNote is the one line lint writes when it has no metadata.
const noMetadataNote = "czql: no metadata: checking syntax only (use --metadata FILE or CZQL_METADATA)"

// loadLintMetadata loads the metadata named by --metadata (flagPath), else
// by CZQL_METADATA, else the newest file in the metadata cache. Without any
// it writes [noMetadataNote] and returns nil: lint then checks the syntax
// only. A file that cannot be loaded is reported and gives [ExitUsage].
func loadLintMetadata(e *env, flagPath string, verbose bool) (*metadata.Metadata, int) {
	path, note := flagPath, noMetadataNote
	if path == "" {
		path = e.lookupEnv("CZQL_METADATA")
	}
	if path == "" {
		path, note = cachedMetadata(e)
	}
	if path != "" && verbose {
		fmt.Fprintf(e.stderr, "czql: metadata: %s\n", path)
	}
	return frontend.LoadMetadataFile(e.stderr, path, note)
}

// cachedMetadata returns the metadata cache file and the note to write
// when there is none. With CZQL_URL set it is the cache `czql metadata
// fetch` writes for that organisation (CZQL_URL and CZQL_USER), or none:
// lint never checks against another organisation's metadata. Without
// CZQL_URL it is the most recently written cache file, which is named on
// standard error, since it may be any organisation's.
func cachedMetadata(e *env) (string, string) {
	if p := frontend.CachedMetadataFile(e.lookupEnv); p != "" {
		return p, ""
	}
	if e.lookupEnv("CZQL_URL") != "" {
		host, user := frontend.CacheIdentity(e.lookupEnv)
		return "", fmt.Sprintf("czql: no metadata cache for %s as %s: checking syntax only (run czql metadata fetch, or use --metadata FILE)", host, user)
	}
	newest := newestCache(e)
	if newest != "" {
		fmt.Fprintf(e.stderr, "czql: no CZQL_URL set: checking against the newest metadata cache, %s\n", newest)
	}
	return newest, noMetadataNote
}

// newestCache returns the most recently written file of
// USERCACHE/czql/metadata/, or "".
func newestCache(e *env) string {
	base := frontend.UserCacheDir(e.lookupEnv)
	if base == "" {
		return ""
	}
	entries, err := os.ReadDir(filepath.Join(base, "czql", "metadata"))
	if err != nil {
		return ""
	}
	newest, newestTime := "", int64(0)
	for _, ent := range entries {
		fi, err := ent.Info()
		if err != nil || !fi.Mode().IsRegular() || strings.HasPrefix(ent.Name(), ".") {
			continue
		}
		if t := fi.ModTime().UnixNano(); newest == "" || t > newestTime {
			newest, newestTime = filepath.Join(base, "czql", "metadata", ent.Name()), t
		}
	}
	return newest
}
