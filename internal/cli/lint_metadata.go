package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/czql/czql/metadata"
)

// noMetadataNote is the one line lint writes when it has no metadata.
const noMetadataNote = "czql: no metadata: checking syntax only (use --metadata FILE or CZQL_METADATA)"

// loadLintMetadata loads the metadata named by --metadata (flagPath), else
// by CZQL_METADATA, else the newest file in the metadata cache. Without any
// it writes [noMetadataNote] and returns nil: lint then checks the syntax
// only. A file that cannot be loaded is reported and gives [ExitUsage].
func loadLintMetadata(e *env, flagPath string) (*metadata.Metadata, int) {
	path := flagPath
	if path == "" {
		path = e.lookupEnv("CZQL_METADATA")
	}
	if path == "" {
		path = cachedMetadata(e)
	}
	return loadMetadataFile(e, path, noMetadataNote)
}

// cachedMetadata returns the metadata cache file: the one `czql metadata
// fetch` writes for the current CZQL_URL and CZQL_USER when it exists,
// else the most recently written file of USERCACHE/czql/metadata/, or ""
// when there is none.
func cachedMetadata(e *env) string {
	if p := metadataCachePath(e); p != "" && fileExists(p) {
		return p
	}
	base := userCacheDir(e)
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

// userCacheDir is os.UserCacheDir read through the command's environment
// on the systems where it depends on XDG_CACHE_HOME and HOME; "" when it
// is unknown.
func userCacheDir(e *env) string {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		dir, _ := os.UserCacheDir()
		return dir
	}
	if dir := e.lookupEnv("XDG_CACHE_HOME"); filepath.IsAbs(dir) {
		return dir
	}
	if home := e.lookupEnv("HOME"); home != "" {
		return filepath.Join(home, ".cache")
	}
	return ""
}
