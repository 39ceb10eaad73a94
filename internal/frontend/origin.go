package frontend

import (
	"fmt"
	"os"
	"time"

	"github.com/czql/czql/metadata"
)

// Origin says which organisation a connection is on, as whom, and where
// its metadata comes from: what czql-repl's prompt and first screen show.
type Origin struct {
	// User is the user logged in: CZQL_USER, "apikey" with an API key,
	// "demo" on the embedded sandbox.
	User string
	// Host is the API host CZQL_URL names, with its port if it has one;
	// "sandbox" for the embedded sandbox.
	Host string
	// Embedded is set for the embedded sandbox with the demo organisation.
	Embedded bool
	// MetadataFile is the file the metadata was loaded from ("" for the
	// embedded demo metadata or none), and MetadataCache is set when that
	// file is the organisation's cache (`czql metadata fetch`).
	MetadataFile  string
	MetadataCache bool
}

// SandboxHost is [Origin.Host] for the embedded sandbox.
const SandboxHost = "sandbox"

// Origin returns the origin of c.
func (c *Conn) Origin() Origin {
	o := Origin{}
	o.Host, o.User = CacheIdentity(c.env.getenv)
	if c.sandboxMD != nil {
		o.Host, o.Embedded = SandboxHost, true
	}
	if c.Metadata != nil && (c.sandboxMD == nil || c.Metadata != c.sandboxMD) {
		o.MetadataFile = c.metadataPath()
		o.MetadataCache = o.MetadataFile != "" && o.MetadataFile == CachedMetadataFile(c.env.getenv)
	}
	return o
}

// DescribeMetadata says where the metadata md (nil for none) of origin
// comes from and how old it is, for a first screen: "embedded demo
// metadata", "cache of 2026-12-03 14:02, 3 hours old", "file org.json of
// 2026-12-01 09:30, 2 days old"; the date is when the metadata was
// fetched, else when its file was last written, in local time.
func DescribeMetadata(origin Origin, md *metadata.Metadata, now time.Time) string {
	return describeMetadata(origin, md != nil, fetchedAt(origin, md), now)
}

// fetchedAt is when the metadata was fetched, or its file written; zero
// when unknown.
func fetchedAt(origin Origin, md *metadata.Metadata) time.Time {
	if md != nil && !md.FetchedAt.IsZero() {
		return md.FetchedAt
	}
	if origin.MetadataFile != "" {
		if fi, err := os.Stat(origin.MetadataFile); err == nil {
			return fi.ModTime()
		}
	}
	return time.Time{}
}

// describeMetadata is DescribeMetadata on what it found out.
func describeMetadata(origin Origin, have bool, at, now time.Time) string {
	var what string
	switch {
	case !have:
		return "none (statements are sent unchecked)"
	case origin.MetadataFile == "":
		return "embedded demo metadata"
	case origin.MetadataCache:
		what = "cache"
	default:
		what = "file " + origin.MetadataFile
	}
	if at.IsZero() {
		return what
	}
	return fmt.Sprintf("%s of %s, %s", what, at.Local().Format("2006-01-02 15:04"), Age(now.Sub(at)))
}

// Age says how old something of age d is, in words: "just now", "1
// minute old", "3 hours old", "2 days old".
func Age(d time.Duration) string {
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{24 * time.Hour, "day"}, {time.Hour, "hour"}, {time.Minute, "minute"}} {
		if n := int(d / u.d); n >= 1 {
			if n == 1 {
				return "1 " + u.name + " old"
			}
			return fmt.Sprintf("%d %ss old", n, u.name)
		}
	}
	return "just now"
}
