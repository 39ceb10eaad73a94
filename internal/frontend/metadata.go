package frontend

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/czql/czql/metadata"
)

// noMetadataNote is the line written when there is no metadata to
// validate against.
const noMetadataNote = "czql: no metadata: sending the statements unchecked (see 'czql metadata fetch')"

// loadMetadata sets c.Metadata to the metadata to validate against (see
// [Connect]), or sets c.MetadataMissing with DeferMetadata.
func (c *Conn) loadMetadata() int {
	path := c.metadataPath()
	switch {
	case path == "" && c.sandboxMD != nil:
		c.Metadata = c.sandboxMD
		return ExitOK
	case path == "" && c.opts.DeferMetadata:
		c.MetadataMissing = true
		return ExitOK
	}
	md, code := LoadMetadataFile(c.env.stderr, path, noMetadataNote)
	c.Metadata = md
	return code
}

// metadataPath is the metadata file loadMetadata loads: the named one
// ([Conn.metadataFile]), else the organisation's cache when it exists
// (not for the embedded sandbox, whose metadata is at hand); "" when none
// applies.
func (c *Conn) metadataPath() string {
	if path := c.metadataFile(); path != "" || c.sandboxMD != nil {
		return path
	}
	return CachedMetadataFile(c.env.getenv)
}

// metadataFile is the metadata file named by the options or
// CZQL_METADATA, or "".
func (c *Conn) metadataFile() string {
	if c.opts.MetadataPath != "" {
		return c.opts.MetadataPath
	}
	return c.env.lookup("CZQL_METADATA")
}

// LoadMetadataFile loads the metadata file at path (describeMetadata JSON
// or czql's cache). When path is empty it writes note on w and returns
// nil, which callers take as "no metadata". A file that cannot be loaded
// is reported on w and gives [ExitUsage]; a corrupt cache says how to get
// a good one.
func LoadMetadataFile(w io.Writer, path, note string) (*metadata.Metadata, int) {
	if path == "" {
		fmt.Fprintln(w, note)
		return nil, ExitOK
	}
	md, err := metadata.Load(path)
	if err != nil {
		msg := fmt.Sprintf("loading metadata: %v", err)
		if errors.Is(err, metadata.ErrCorruptCache) && !strings.Contains(msg, "metadata fetch") {
			msg += " (run czql metadata fetch to download it again, or czql metadata clear to remove it)"
		}
		errorf(w, "%s", msg)
		return nil, ExitUsage
	}
	WarnDuplicates(w, path, md)
	return md, ExitOK
}

// WarnDuplicates writes a warning on w for each name the metadata from
// source (a file or a host) gives twice ([metadata.Metadata.Duplicates]):
// queries are checked against the description kept, which may not be the
// one meant.
func WarnDuplicates(w io.Writer, source string, md *metadata.Metadata) {
	for _, d := range md.Duplicates() {
		errorf(w, "warning: metadata %s: %s", source, d)
	}
}

// RefreshMetadata loads the metadata again from where it comes from: the
// named file (MetadataPath or CZQL_METADATA), or else the organisation
// (or sandbox), whose cache it replaces. It returns the metadata and a
// line saying where it came from. ctx bounds the fetch.
func (c *Conn) RefreshMetadata(ctx context.Context) (*metadata.Metadata, string, error) {
	if path := c.metadataFile(); path != "" {
		md, err := metadata.Load(path)
		if err != nil {
			return nil, "", err
		}
		WarnDuplicates(c.env.stderr, path, md)
		return md, fmt.Sprintf("loaded the metadata of %d entities from %s", len(md.EntityNames()), path), nil
	}
	path := ""
	if c.sandboxMD == nil {
		path = MetadataCachePath(c.env.getenv)
	}
	md, err := c.FetchMetadata(ctx, path)
	if err != nil {
		return nil, "", err
	}
	note := fmt.Sprintf("fetched the metadata of %d entities from %s", len(md.EntityNames()), md.Host)
	if path != "" {
		note += " into " + path
	}
	return md, note, nil
}
