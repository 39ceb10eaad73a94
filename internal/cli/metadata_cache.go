package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// sandboxCacheHost is the host part of the cache name of the embedded
// sandbox, whose port changes from run to run.
const sandboxCacheHost = "sandbox"

// cacheIdentity returns the host and user whose metadata the current
// environment uses: CZQL_URL's host and CZQL_USER ("apikey" with an API
// key), or the embedded sandbox's demo user without CZQL_URL.
func cacheIdentity(e *env) (host, user string) {
	raw := e.lookupEnv("CZQL_URL")
	if raw == "" {
		return sandboxCacheHost, "demo" // sandbox.DemoUser
	}
	host = raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = u.Host
	}
	user = e.lookupEnv("CZQL_USER")
	if user == "" && e.lookupEnv("CZQL_API_KEY") != "" {
		user = "apikey"
	}
	return host, user
}

// metadataCachePath returns the cache file `czql metadata fetch` writes
// for the current environment, USERCACHE/czql/metadata/<host>_<user>.cache,
// or "" when the user cache directory is unknown.
func metadataCachePath(e *env) string {
	base := userCacheDir(e)
	if base == "" {
		return ""
	}
	host, user := cacheIdentity(e)
	name := cacheNamePart(host) + "_" + cacheNamePart(user) + ".cache"
	return filepath.Join(base, "czql", "metadata", name)
}

// sessionDir is where the client keeps its session files,
// USERCACHE/czql/sessions; "" disables session reuse.
func sessionDir(e *env) string {
	base := userCacheDir(e)
	if base == "" {
		return ""
	}
	return filepath.Join(base, "czql", "sessions")
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
