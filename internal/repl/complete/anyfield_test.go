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
	if got := Complete(md, text, len(text)).Items; len(got) != 0 {
		t.Fatalf("first call offered %v before the index was built", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := Complete(md, text, len(text)).Items
		if len(got) > 0 {
			if got[0].Text != "Name" || got[0].Description != "String · Name · in 48 entities" {
				t.Errorf("first item %+v", got[0])
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
