package complete

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/czql/czql/metadata"
)

// fixturePath is the real describeMetadata fixture of the repository.
const fixturePath = "../../../testdata/metadata/clarizen.json"

// loadFixture loads the fixture once, and the same set round-tripped
// through the cache (its entities decoded lazily).
var loadFixture = sync.OnceValues(func() ([2]*metadata.Metadata, error) {
	md, err := metadata.Load(fixturePath)
	if err != nil {
		return [2]*metadata.Metadata{}, err
	}
	var buf bytes.Buffer
	if err := md.WriteCache(&buf); err != nil {
		return [2]*metadata.Metadata{}, err
	}
	lazy, err := metadata.DecodeCache(buf.Bytes())
	Prepare(md)
	Prepare(lazy)
	return [2]*metadata.Metadata{md, lazy}, err
})

// fixture returns the fixture metadata, eager (0) or from a cache (1).
func fixture(t testing.TB, which int) *metadata.Metadata {
	t.Helper()
	sets, err := loadFixture()
	if err != nil {
		t.Fatal(err)
	}
	return sets[which]
}

// splitCursor removes the '|' that marks the cursor and returns the text
// and the cursor offset.
func splitCursor(t testing.TB, marked string) (string, int) {
	t.Helper()
	i := strings.Index(marked, "|")
	if i < 0 {
		t.Fatalf("no cursor mark in %q", marked)
	}
	return marked[:i] + marked[i+1:], i
}

// texts returns the Text of each item.
func texts(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// find returns the item with Text text.
func find(items []Item, text string) (Item, bool) {
	for _, it := range items {
		if it.Text == text {
			return it, true
		}
	}
	return Item{}, false
}

// kindNames names the kinds in failure messages.
var kindNames = map[Kind]string{
	Keyword: "Keyword", Entity: "Entity", Field: "Field", Relation: "Relation",
	Value: "Value", Function: "Function", Operator: "Operator",
}
