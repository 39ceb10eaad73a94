package complete

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
)

// benchEntity is the FROM entity of the benchmark queries; it inherits
// from a root in the synthetic set, so lookups go through a parent.
const benchEntity = "C_Type00123"

// benchCase is one benchmarked cursor position.
type benchCase struct {
	name   string
	text   string
	cursor int
}

// syntheticSet is the 1,000-entity set of the acceptance criterion.
func syntheticSet() *metadata.Metadata { return metadata.Synthetic(1000, 200, 1) }

// cacheBytes returns md written as a cache.
func cacheBytes(b *testing.B, md *metadata.Metadata) []byte {
	var buf bytes.Buffer
	if err := md.WriteCache(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// decodeCache decodes a cache; its entities are decoded lazily.
func decodeCache(b *testing.B, data []byte) *metadata.Metadata {
	md, err := metadata.DecodeCache(data)
	if err != nil {
		b.Fatal(err)
	}
	return md
}

// benchCases builds the benchmarked positions from the names of md.
func benchCases(b *testing.B, md *metadata.Metadata) []benchCase {
	ref, pick := benchFields(b, md.Entity(benchEntity))
	at := func(name, marked string) benchCase {
		i := strings.Index(marked, "|")
		return benchCase{name: name, text: marked[:i] + marked[i+1:], cursor: i}
	}
	return []benchCase{
		at("from-entity", "SELECT Name FROM |"),
		at("select-from-later", "SELECT Name, C_Ac| FROM "+benchEntity+" WHERE Name = 'x'"),
		at("select-no-from", "SELECT Name, C_Ac|"),
		at("where-prefix", "SELECT Name FROM "+benchEntity+" WHERE C_Bu|"),
		at("dot-path", "SELECT Name, "+ref+".| FROM "+benchEntity),
		at("pick-values", "SELECT Name FROM "+benchEntity+" WHERE "+pick+" = |"),
		multiStatement(pick),
	}
}

// benchFields returns a reference field (not a pick list) and a pick-list
// field of e.
func benchFields(b *testing.B, e *metadata.Entity) (ref, pick string) {
	for _, f := range e.AllFields() {
		switch {
		case f.Type != metadata.EntityRef || len(f.ReferencedEntities) == 0:
		case f.PresentationType == "PickList" && pick == "":
			pick = f.Name
		case f.PresentationType != "PickList" && ref == "":
			ref = f.Name
		}
	}
	if ref == "" || pick == "" {
		b.Fatalf("%s lacks a reference or pick-list field", e.TypeName)
	}
	return ref, pick
}

// multiStatement is a 5 KB buffer of statements with the cursor in the
// value of a condition of the middle one.
func multiStatement(pick string) benchCase {
	var sb strings.Builder
	cursor := 0
	for i := 0; sb.Len() < 5000; i++ {
		fmt.Fprintf(&sb, "SELECT Name, C_ActualBudget0_%d -- statement %d\nFROM C_Type%05d\nWHERE Name LIKE 'a;b%%' AND ", i%7, i, i*7%1000)
		if i == 20 {
			fmt.Fprintf(&sb, "%s = ", pick)
			cursor = sb.Len()
			sb.WriteString("'Low'")
		} else {
			sb.WriteString("Name <> 'x'")
		}
		sb.WriteString("\nORDER BY Name;\n")
	}
	text := strings.Replace(sb.String(), "FROM C_Type00140", "FROM "+benchEntity, 1)
	return benchCase{name: "multi-statement-5KB", text: text, cursor: cursor}
}

// BenchmarkComplete measures each case on the eager synthetic set and on
// the same set decoded from a cache, in steady state.
func BenchmarkComplete(b *testing.B) {
	eager := syntheticSet()
	lazy := decodeCache(b, cacheBytes(b, eager))
	Prepare(eager)
	Prepare(lazy)
	for _, set := range []struct {
		name string
		md   *metadata.Metadata
	}{{"eager", eager}, {"cache", lazy}} {
		for _, bc := range benchCases(b, set.md) {
			b.Run(set.name+"/"+bc.name, func(b *testing.B) {
				b.ReportAllocs()
				if len(Complete(set.md, bc.text, bc.cursor).Items) == 0 {
					b.Fatal("no items")
				}
				for b.Loop() {
					Complete(set.md, bc.text, bc.cursor)
				}
			})
		}
	}
}

// BenchmarkCompleteFirstCall measures the first call on a freshly decoded
// cache, where every entity is still undecoded. The decoding is timed
// too (stopping the timer around it would make the benchmark decode the
// cache for every one of the many iterations a 1 s run needs): the
// "decode-only" case is the part to subtract. The select list before a
// FROM is left out: a first call there offers no field names, and starts
// building their index in the background (see anyfield.go).
func BenchmarkCompleteFirstCall(b *testing.B) {
	data := cacheBytes(b, syntheticSet())
	b.Run("decode-only", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			decodeCache(b, data)
		}
	})
	for _, bc := range benchCases(b, decodeCache(b, data)) {
		if bc.name == "select-no-from" {
			continue
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				md := decodeCache(b, data)
				if len(Complete(md, bc.text, bc.cursor).Items) == 0 {
					b.Fatal("no items")
				}
			}
		})
	}
}
