package complete

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/czql/czql/metadata"
)

// Without a FROM anywhere in the statement (typed top-down, "SELECT Na|")
// the entity is unknown. The select list then offers the field names of
// every entity, as pgcli offers every column before the FROM: each name
// once, described by its first declaration and the number of entities
// that have it. Only names that start with the typed prefix are offered,
// at most maxAnyFields of them, from an index sorted by lower-case name
// that is built once per metadata set.

// maxAnyFields caps the field names offered without a FROM.
const maxAnyFields = 100

// anyField is one field name of the index.
type anyField struct {
	lower  string          // strings.ToLower(name), the sort key
	field  *metadata.Field // the first declaration met
	entity string          // the entity of that declaration
	count  int             // how many entities have a field of that name
}

// fieldIndex is the field names of one metadata set.
type fieldIndex struct {
	md     *metadata.Metadata
	fields []anyField // nil while it is built
}

// maxIndexes is how many metadata sets keep their index: a shell uses one
// at a time (a new one after \refresh), tests a few.
const maxIndexes = 4

// indexes are the field-name indexes, the most recently used first.
var indexes struct {
	sync.Mutex
	list []*fieldIndex
}

// anyFields returns the field-name index of md, or nil when it is not
// built yet: the first call starts building it in the background, since
// on a large set that is lazily decoded it decodes every entity (about
// 180 ms for 1,000 entities of 200 fields), far over a keystroke's budget.
// [Prepare] builds it ahead.
func anyFields(md *metadata.Metadata) []anyField {
	fields, found := lookupIndex(md)
	if !found {
		go Prepare(md)
	}
	return fields
}

// lookupIndex returns the index of md (nil while it is built); when md
// has no entry it adds an empty one and reports false.
func lookupIndex(md *metadata.Metadata) ([]anyField, bool) {
	indexes.Lock()
	defer indexes.Unlock()
	for i, ix := range indexes.list {
		if ix.md == md {
			copy(indexes.list[1:i+1], indexes.list[:i])
			indexes.list[0] = ix
			return ix.fields, true
		}
	}
	insertIndex(&fieldIndex{md: md})
	return nil, false
}

// insertIndex adds ix as the most recently used index, dropping the
// least recently used beyond maxIndexes. The caller holds the lock.
func insertIndex(ix *fieldIndex) {
	indexes.list = slices.Insert(indexes.list, 0, ix)
	if len(indexes.list) > maxIndexes {
		indexes.list = indexes.list[:maxIndexes]
	}
}

// Prepare builds what [Complete] needs for md ahead of the first
// keystroke: the names of every entity's fields, offered in a select
// list before its FROM is typed. On a large, lazily decoded set this
// decodes every entity; the REPL calls it in the background when it has
// loaded metadata. Complete works without it, offering those names once
// the index it starts building is ready.
func Prepare(md *metadata.Metadata) {
	if md == nil {
		return
	}
	fields := buildAnyFields(md)
	if fields == nil {
		fields = []anyField{} // built: not nil, which means "being built"
	}
	indexes.Lock()
	defer indexes.Unlock()
	for _, ix := range indexes.list {
		if ix.md == md {
			ix.fields = fields
			return
		}
	}
	insertIndex(&fieldIndex{md: md, fields: fields})
}

// buildAnyFields collects the distinct field names of md (in any case)
// sorted by their lower-case form.
func buildAnyFields(md *metadata.Metadata) []anyField {
	at := map[string]int{}
	var out []anyField
	for _, e := range md.Entities() {
		for _, f := range e.AllFields() {
			lower := strings.ToLower(f.Name)
			if i, ok := at[lower]; ok {
				out[i].count++
				continue
			}
			at[lower] = len(out)
			out = append(out, anyField{lower: lower, field: f, entity: e.TypeName, count: 1})
		}
	}
	slices.SortFunc(out, func(a, b anyField) int { return strings.Compare(a.lower, b.lower) })
	return out
}

// addAnyFields adds the field names of every entity that start with the
// typed prefix.
func (c *completer) addAnyFields() {
	fields := anyFields(c.md)
	prefix := strings.ToLower(c.col.m.prefix)
	i, _ := slices.BinarySearchFunc(fields, prefix, func(f anyField, p string) int { return strings.Compare(f.lower, p) })
	c.beginGroup(true)
	n := 0
	for ; i < len(fields) && n < maxAnyFields && strings.HasPrefix(fields[i].lower, prefix); i, n = i+1, n+1 {
		f := fields[i]
		c.col.addClass(prefixMatch, f.field.Name, Item{Text: c.nameText(f.field.Name), Description: anyFieldDescription(f), Kind: Field, Field: f.field})
	}
	cut := n == maxAnyFields && i < len(fields) && strings.HasPrefix(fields[i].lower, prefix)
	c.incomplete = c.incomplete || fields == nil || cut
}

// anyFieldDescription describes a field offered without a FROM: its
// description, and where it is found ("Task" or "in 12 entities").
func anyFieldDescription(f anyField) string {
	where := f.entity
	if f.count > 1 {
		where = fmt.Sprintf("in %d entities", f.count)
	}
	return joinDescription(fieldDescription(f.field), where)
}
