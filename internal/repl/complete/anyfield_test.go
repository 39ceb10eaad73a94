package complete

import (
	"testing"
	"time"

	"github.com/czql/czql/metadata"
)

// Without Prepare, the first completion before a FROM offers no field
// names (their index is built in the background), and a later one does.
func TestFieldsBeforeFROMAreIndexedInTheBackground(t *testing.T) {
	md, err := metadata.Load(fixturePath)
	if err != nil {
		t.Fatal(err)
	}
	text := "SELECT Na"
	if got := Complete(md, text, len(text)); len(got.Items) != 0 || !got.Incomplete {
		t.Fatalf("first call offered %v (incomplete: %v) before the index was built", got.Items, got.Incomplete)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		res := Complete(md, text, len(text))
		if got := res.Items; len(got) > 0 {
			if got[0].Text != "Name" || got[0].Description != "String · Name · in 48 entities" || got[0].Field == nil || got[0].Field.Name != "Name" {
				t.Errorf("first item %+v", got[0])
			}
			if res.Incomplete {
				t.Error("a list under the cap is marked incomplete")
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the index was never built")
		}
		time.Sleep(time.Millisecond)
	}
}

// The index keeps a few sets; more sets evict the least recently used,
// which is rebuilt when needed again.
func TestFieldIndexesAreBounded(t *testing.T) {
	t.Cleanup(func() { // the other tests expect the fixture's indexes
		Prepare(fixture(t, 0))
		Prepare(fixture(t, 1))
	})
	var sets []*metadata.Metadata
	for i := range maxIndexes + 2 {
		md := metadata.Synthetic(3, 4, uint64(i))
		Prepare(md)
		sets = append(sets, md)
	}
	indexes.Lock()
	n := len(indexes.list)
	indexes.Unlock()
	if n != maxIndexes {
		t.Errorf("%d indexes kept, want %d", n, maxIndexes)
	}
	if fields, found := lookupIndex(sets[len(sets)-1]); !found || len(fields) == 0 {
		t.Error("the last prepared set lost its index")
	}
	if _, found := lookupIndex(sets[0]); found {
		t.Error("the first set was not evicted")
	}
}

// More field names than the cap make the list incomplete: typing more
// letters offers the others.
func TestFieldsBeforeFROMOverTheCapAreIncomplete(t *testing.T) {
	md := metadata.Synthetic(20, 200, 1)
	Prepare(md)
	res := Complete(md, "SELECT C", len("SELECT C"))
	fields := 0
	for _, it := range res.Items {
		if it.Kind == Field {
			fields++
		}
	}
	if fields != maxAnyFields || !res.Incomplete {
		t.Errorf("%d fields, incomplete %v; want %d, incomplete", fields, res.Incomplete, maxAnyFields)
	}
}

// Field and relation items carry their metadata.
func TestItemsCarryTheirMetadata(t *testing.T) {
	md := fixture(t, 0)
	text, cursor := splitCursor(t, "SELECT Name, (SELECT Name FROM |) FROM Task")
	for _, it := range Complete(md, text, cursor).Items {
		if it.Kind == Relation && (it.Relation == nil || it.Relation.Name != it.Text) {
			t.Errorf("relation item %+v", it)
		}
	}
	text, cursor = splitCursor(t, "SELECT Du| FROM Task")
	it, ok := find(Complete(md, text, cursor).Items, "DueDate")
	if !ok || it.Field == nil || it.Field.Type != metadata.DateTime || it.Relation != nil {
		t.Errorf("DueDate item %+v", it)
	}
}
