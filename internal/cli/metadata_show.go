package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/czql/czql/internal/render"
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
	return writeOut(e, []byte(entityFields(ent)))
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

// entityFields lists the fields of ent, inherited ones included: name,
// type (with the referenced entities), label and flags, aligned.
func entityFields(ent *metadata.Entity) string {
	rows := [][]string{{"FIELD", "TYPE", "LABEL", "FLAGS"}}
	for _, fd := range ent.AllFields() {
		typ := string(fd.Type)
		if len(fd.ReferencedEntities) > 0 {
			typ += " → " + strings.Join(fd.ReferencedEntities, "|")
		}
		rows = append(rows, []string{fd.Name, typ, fd.Label, fieldFlagText(fd)})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%d fields)\n", ent.TypeName, len(rows)-1)
	b.WriteString(render.Align(rows))
	return b.String()
}

// fieldFlagText lists a field's properties that matter when writing
// queries.
func fieldFlagText(fd *metadata.Field) string {
	var flags []string
	for _, fl := range []struct {
		on   bool
		name string
	}{
		{fd.Custom, "custom"}, {fd.Calculated, "calculated"}, {fd.System, "system"},
		{!fd.Filterable, "not-filterable"}, {!fd.Sortable, "not-sortable"}, {fd.Nullable, "nullable"},
	} {
		if fl.on {
			flags = append(flags, fl.name)
		}
	}
	return strings.Join(flags, ",")
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
