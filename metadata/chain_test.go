package metadata

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// chainJSON returns the describeMetadata JSON of n entities E0…E(n-1),
// each inheriting from the one before and declaring one field and one
// relation of its own.
func chainJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"entityDescriptions":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		parent := "null"
		if i > 0 {
			parent = fmt.Sprintf(`"E%d"`, i-1)
		}
		fmt.Fprintf(&b, `{"typeName":"E%d","parentEntity":%s,"fields":[{"name":"F%d","type":"String"}],`+
			`"relations":[{"name":"R%d","relatedTypeName":"E0"}]}`, i, parent, i, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// refAllFields is AllFields as the definition says: the fields of e, then
// of its parent and so on up the chain, without the names seen before.
func refAllFields(e *Entity) []*Field {
	var out []*Field
	for a := e; a != nil; a = a.Parent() {
		for _, f := range a.Fields {
			if !slicesContainsFold(out, f.Name, fieldName) {
				out = append(out, f)
			}
		}
	}
	return out
}

// refAllRelations is AllRelations as the definition says.
func refAllRelations(e *Entity) []*Relation {
	var out []*Relation
	for a := e; a != nil; a = a.Parent() {
		for _, r := range a.Relations {
			if !slicesContainsFold(out, r.Name, relationName) {
				out = append(out, r)
			}
		}
	}
	return out
}

// sameItems reports whether a and b hold the same items, nil and empty
// alike.
func sameItems[T comparable](a, b []T) bool {
	return slices.Equal(a, b)
}

func slicesContainsFold[T any](items []T, name string, nameOf func(T) string) bool {
	for _, it := range items {
		if strings.EqualFold(nameOf(it), name) {
			return true
		}
	}
	return false
}

// randomForest returns entities in chains and trees of random depth, with
// field and relation names repeated within an entity and along chains, in
// other cases, some parents unknown and some cycles.
func randomForest(r *rand.Rand, n int) []*Entity {
	names := []string{"Name", "name", "State", "Due", "DUE", "Owner", "K", "\u212a", "x"}
	ents := make([]*Entity, n)
	for i := range ents {
		e := &Entity{TypeName: fmt.Sprintf("T%d", i)}
		switch k := r.IntN(10); {
		case k < 7 && i > 0:
			e.ParentEntity = fmt.Sprintf("t%d", i-1-r.IntN(min(i, 3)))
		case k == 7:
			e.ParentEntity = fmt.Sprintf("T%d", r.IntN(n)) // maybe a cycle
		case k == 8:
			e.ParentEntity = "Unknown"
		}
		for range r.IntN(4) {
			e.Fields = append(e.Fields, &Field{Name: names[r.IntN(len(names))], Label: e.TypeName})
		}
		for range r.IntN(3) {
			e.Relations = append(e.Relations, &Relation{Name: names[r.IntN(len(names))], Label: e.TypeName})
		}
		ents[i] = e
	}
	return ents
}

// TestInheritanceMatchesDefinition checks the lookups of random sets, and
// of their caches, against the definitions: the nearest declaration of a
// name wins, own fields first, then the parent's and so on.
func TestInheritanceMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	probes := []string{"NAME", "state", "due", "owner", "k", "X", "missing"}
	for round := range 100 {
		m := New(randomForest(r, 1+r.IntN(60))...)
		var buf bytes.Buffer
		if err := m.WriteCache(&buf); err != nil {
			t.Fatal(err)
		}
		c, err := DecodeCache(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, set := range []*Metadata{m, c} {
			for _, name := range set.EntityNames() {
				e := set.Entity(name)
				if got, want := e.AllFields(), refAllFields(e); !sameItems(got, want) {
					t.Fatalf("round %d: %s.AllFields() = %v; want %v", round, name, got, want)
				}
				if got, want := e.AllRelations(), refAllRelations(e); !sameItems(got, want) {
					t.Fatalf("round %d: %s.AllRelations() = %v; want %v", round, name, got, want)
				}
				for _, p := range probes {
					var want *Field
					for _, f := range refAllFields(e) {
						if strings.EqualFold(f.Name, p) {
							want = f
							break
						}
					}
					if got := e.Field(p); got != want {
						t.Fatalf("round %d: %s.Field(%q) = %v; want %v", round, name, p, got, want)
					}
					var wantRel *Relation
					for _, rel := range refAllRelations(e) {
						if strings.EqualFold(rel.Name, p) {
							wantRel = rel
							break
						}
					}
					if got := e.Relation(p); got != wantRel {
						t.Fatalf("round %d: %s.Relation(%q) = %v; want %v", round, name, p, got, wantRel)
					}
				}
				for _, sub := range set.Subtypes(name) {
					if sub == e || sub.Parent() == nil || !sub.Parent().IsA(name) {
						t.Fatalf("round %d: Subtypes(%s) has %s", round, name, sub.TypeName)
					}
				}
				n := 0
				for _, o := range set.Entities() {
					if o.Parent() != nil && o.Parent().IsA(name) {
						n++
					}
				}
				if got := len(set.Subtypes(name)); got != n {
					t.Fatalf("round %d: Subtypes(%s) has %d entities; want %d", round, name, got, n)
				}
			}
		}
	}
}

// chainCost loads the chain of n entities and looks up the first field
// from the last entity, and returns the bytes and allocations it took.
func chainCost(t *testing.T, n int, cache bool) (bytes, allocs uint64) {
	t.Helper()
	data := chainJSON(n)
	if cache {
		m, err := decodeJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf strings.Builder
		if err := m.WriteCache(&buf); err != nil {
			t.Fatal(err)
		}
		data = []byte(buf.String())
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var m *Metadata
	var err error
	if cache {
		m, err = DecodeCache(data)
	} else {
		m, err = decodeJSON(data)
	}
	if err != nil {
		t.Fatal(err)
	}
	last := m.Entity(fmt.Sprintf("E%d", n-1))
	f, rel := last.Field("f0"), last.Relation("r0")
	runtime.ReadMemStats(&after)
	if f == nil || f.Owner.TypeName != "E0" || rel == nil {
		t.Fatalf("E%d.Field(f0) = %v, Relation(r0) = %v", n-1, f, rel)
	}
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// TestChainScaling loads parentEntity chains of 1,000 and 10,000 entities,
// from JSON and from a cache: ten times the entities must cost less than
// twenty times the bytes and allocations. Copying each parent's combined
// index made a 10,000-entity chain take 2.6 GB.
func TestChainScaling(t *testing.T) {
	for _, cache := range []bool{false, true} {
		t.Run(fmt.Sprintf("cache=%v", cache), func(t *testing.T) {
			sb, sa := chainCost(t, 1000, cache)
			lb, la := chainCost(t, 10000, cache)
			t.Logf("1000 → 10000 entities: %d → %d bytes (%.1f×), %d → %d allocations (%.1f×)",
				sb, lb, float64(lb)/float64(sb), sa, la, float64(la)/float64(sa))
			if lb >= 20*sb {
				t.Errorf("10× the entities allocated %.1f× the bytes", float64(lb)/float64(sb))
			}
			if la >= 20*sa {
				t.Errorf("10× the entities took %.1f× the allocations", float64(la)/float64(sa))
			}
		})
	}
}

// TestChainLookupBlocks checks that a lookup in a chain of n entities goes
// through at most log2(n)+1 blocks.
func TestChainLookupBlocks(t *testing.T) {
	m, err := decodeJSON(chainJSON(10000))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range m.Entities() {
		blocks := 0
		for b := e; b != nil; b = b.skip {
			blocks++
		}
		if blocks > 14 {
			t.Fatalf("%s (depth %d): %d blocks", e.TypeName, e.depth, blocks)
		}
	}
}

// BenchmarkDecodeChain decodes a chain of 10,000 entities, each inheriting
// from the one before, and looks up a field of the root from the last.
func BenchmarkDecodeChain(b *testing.B) {
	data := chainJSON(10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := decodeJSON(data)
		if err != nil {
			b.Fatal(err)
		}
		if m.Entity("E9999").Field("F0") == nil {
			b.Fatal("F0 not inherited")
		}
	}
}
