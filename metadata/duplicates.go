package metadata

import "fmt"

// maxDuplicates is the most duplicate names described: past it, one line
// says how many more there are.
const maxDuplicates = 20

// Duplicates describes the names a metadata document gives twice, compared
// case-insensitively as queries compare them: an entity described twice
// (its descriptions are merged, the later one winning field by field) and
// a field or relation listed twice in one entity (the first is used). Each
// line names them, such as `entity "Task" is described twice` or
// `entity "Task": field "name" repeats "Name"`. It is empty for metadata
// without duplicates, for metadata read from a cache and for metadata
// merged from several files, where later files override earlier ones on
// purpose. At most 20 lines are given, then one with the count of the
// rest.
func (m *Metadata) Duplicates() []string { return m.duplicates }

// findDuplicates describes the duplicate names of entities, as
// [Metadata.Duplicates] says, in document order.
func findDuplicates(entities []*Entity) []string {
	var out []string
	n := 0
	note := func(format string, args ...any) {
		if n++; n <= maxDuplicates {
			out = append(out, fmt.Sprintf(format, args...))
		}
	}
	names := emptyIndex(len(entities))
	for _, e := range entities {
		if e == nil {
			continue
		}
		if i := names.find(e.TypeName); i >= 0 {
			note("entity %q is described twice (as %q too); the descriptions are merged", e.TypeName, names.names[i])
		} else {
			names.add(e.TypeName, foldHash(e.TypeName))
		}
		repeats(e.Fields, fieldName, func(name, first string) {
			note("entity %q: field %q repeats %q; the first is used", e.TypeName, name, first)
		})
		repeats(e.Relations, relationName, func(name, first string) {
			note("entity %q: relation %q repeats %q; the first is used", e.TypeName, name, first)
		})
	}
	if n > maxDuplicates {
		out = append(out, fmt.Sprintf("and %d more duplicate names", n-maxDuplicates))
	}
	return out
}

// repeats calls found with each name of items that repeats an earlier
// one, and the earlier one.
func repeats[T any](items []T, name func(T) string, found func(name, first string)) {
	if len(items) < 2 {
		return
	}
	ix := emptyIndex(len(items))
	for _, it := range items {
		nm := name(it)
		if i := ix.find(nm); i >= 0 {
			found(nm, ix.names[i])
			continue
		}
		ix.add(nm, foldHash(nm))
	}
}
