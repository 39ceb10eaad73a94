package frontend

import (
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// The functions of this file read the environment through getenv; nil
// means an empty environment.

// sandboxCacheHost is the host part of the cache name of the embedded
// sandbox, whose port changes from run to run.
const sandboxCacheHost = "sandbox"

// CacheIdentity returns the host and user whose metadata the environment
// uses: CZQL_URL's host and CZQL_USER ("apikey" with an API key), or the
// embedded sandbox's demo user without CZQL_URL.
func CacheIdentity(getenv func(string) string) (host, user string) {
	getenv = environ(getenv)
	raw := getenv("CZQL_URL")
	if raw == "" {
		return sandboxCacheHost, "demo" // sandbox.DemoUser
	}
	host = raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = u.Host
	}
	user = getenv("CZQL_USER")
	if user == "" && getenv("CZQL_API_KEY") != "" {
		user = "apikey"
	}
	return host, user
}

// MetadataCachePath returns the cache file `czql metadata fetch` writes
// for the environment, USERCACHE/czql/metadata/<host>_<user>.cache, or ""
// when the user cache directory is unknown.
func MetadataCachePath(getenv func(string) string) string {
	base := UserCacheDir(getenv)
	if base == "" {
		return ""
	}
	host, user := CacheIdentity(getenv)
	name := cacheNamePart(host) + "_" + cacheNamePart(user) + ".cache"
	return filepath.Join(base, "czql", "metadata", name)
}

// CachedMetadataFile returns [MetadataCachePath] when that file exists,
// else "".
func CachedMetadataFile(getenv func(string) string) string {
	if p := MetadataCachePath(getenv); p != "" && fileExists(p) {
		return p
	}
	return ""
}

// sessionDir is where the client keeps its session files,
// USERCACHE/czql/sessions; "" disables session reuse.
func sessionDir(getenv func(string) string) string {
	base := UserCacheDir(getenv)
	if base == "" {
		return ""
	}
	return filepath.Join(base, "czql", "sessions")
}

// UserCacheDir is os.UserCacheDir read through getenv on the systems
// where it depends on XDG_CACHE_HOME and HOME; "" when it is unknown.
func UserCacheDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "plan9":
		dir, _ := os.UserCacheDir()
		return dir
	}
	getenv = environ(getenv)
	if dir := getenv("XDG_CACHE_HOME"); filepath.IsAbs(dir) {
		return dir
	}
	if home := getenv("HOME"); home != "" {
		return filepath.Join(home, ".cache")
	}
	return ""
}

// cacheNamePart makes s safe as part of a file name: every byte other
// than a letter, digit, dot or hyphen becomes an underscore.
func cacheNamePart(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-':
			return r
		}
		return '_'
	}, s)
}

// fileExists reports whether path names an existing regular file.
func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
