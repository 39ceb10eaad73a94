package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// metadataShow prints a summary of the cache at path, or the fields of
// one entity with --entity.
func metadataShow(e *env, f *metadataFlags, path string) int {
	md, err := metadata.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		e.errorf("no metadata cache at %s (run 'czql metadata fetch')", path)
		return ExitErrors
	}
	if err != nil {
		e.errorf("loading the cache: %v", err)
		return ExitUsage
	}
	if f.entity == "" {
		return writeOut(e, []byte(cacheSummary(md, path)))
	}
	ent := md.Entity(f.entity)
	if ent == nil {
		e.errorf("no entity %q in the metadata", f.entity)
		if s := suggest(f.entity, md.EntityNames()); s != "" {
			fmt.Fprintf(e.stderr, "\tdid you mean %q?\n", s)
		}
		return ExitErrors
	}
	return writeOut(e, []byte(frontend.EntityFields(ent)))
}

// cacheSummary describes the cache: where it is, where and when it was
// fetched, and how many entities it holds.
func cacheSummary(md *metadata.Metadata, path string) string {
	fetched := "unknown"
	if !md.FetchedAt.IsZero() {
		fetched = md.FetchedAt.UTC().Format(time.RFC3339)
	}
	host := md.Host
	if host == "" {
		host = "unknown"
	}
	return fmt.Sprintf("path:     %s\nhost:     %s\nfetched:  %s\nentities: %d\n", path, host, fetched, len(md.Entities()))
}

// metadataClear removes the cache file.
func metadataClear(e *env, _ *metadataFlags, path string) int {
	err := os.Remove(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(e.stderr, "czql: no metadata cache at %s\n", path)
	case err != nil:
		e.errorf("%v", err)
		return ExitUsage
	default:
		fmt.Fprintf(e.stderr, "czql: removed %s\n", path)
	}
	return ExitOK
}
