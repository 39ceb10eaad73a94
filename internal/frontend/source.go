package frontend

import (
	"os"
	"path/filepath"
	"strings"
)

// MetadataOrigin says where [DefaultMetadata] found a metadata file, or
// why it found none.
type MetadataOrigin int

// The origins of the metadata of a check that names no file.
const (
	// NoMetadata: no CZQL_METADATA, no CZQL_URL and no cache file at all.
	NoMetadata MetadataOrigin = iota
	// NoCacheForOrg: CZQL_URL is set but its organisation (with
	// CZQL_USER) has no cache; no other organisation's is taken.
	NoCacheForOrg
	// FromEnv: the file CZQL_METADATA names.
	FromEnv
	// FromCache: the cache `czql metadata fetch` wrote for the
	// organisation of CZQL_URL and CZQL_USER (or for the embedded
	// sandbox without CZQL_URL).
	FromCache
	// FromNewestCache: without CZQL_URL, the most recently written file of
	// the metadata cache, which may be any organisation's.
	FromNewestCache
)

// MetadataSource is the metadata file a check uses when neither a flag
// nor a project configuration names one, and where it comes from.
type MetadataSource struct {
	Path   string // "" when there is none
	Origin MetadataOrigin
}

// DefaultMetadata returns the metadata file that czql lint and the
// language server check against when neither a flag nor the project
// configuration names one: CZQL_METADATA, else the cache of the
// organisation of CZQL_URL and CZQL_USER; without CZQL_URL, the newest
// file of the metadata cache. getenv reads the environment (nil: an empty
// one).
func DefaultMetadata(getenv func(string) string) MetadataSource {
	getenv = environ(getenv)
	if p := getenv("CZQL_METADATA"); p != "" {
		return MetadataSource{Path: p, Origin: FromEnv}
	}
	if p := CachedMetadataFile(getenv); p != "" {
		return MetadataSource{Path: p, Origin: FromCache}
	}
	if getenv("CZQL_URL") != "" {
		return MetadataSource{Origin: NoCacheForOrg}
	}
	if p := newestCache(getenv); p != "" {
		return MetadataSource{Path: p, Origin: FromNewestCache}
	}
	return MetadataSource{Origin: NoMetadata}
}

// newestCache returns the most recently written file of
// USERCACHE/czql/metadata/, or "".
func newestCache(getenv func(string) string) string {
	base := UserCacheDir(getenv)
	if base == "" {
		return ""
	}
	dir := filepath.Join(base, "czql", "metadata")
	entries, err := os.ReadDir(dir)
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
			newest, newestTime = filepath.Join(dir, ent.Name()), t
		}
	}
	return newest
}
