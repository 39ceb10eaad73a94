package metadata

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// entityView is the observable state of an entity: its exported
// attributes, with fields copied without Owner, and what its methods see.
type entityView struct {
	Attrs      Entity
	Fields     []Field
	Owners     []string
	Parent     string
	All        []string
	Rels       []string
	Rel        []*Relation
	Pickups    []*Pickup
	IsParentOf bool
}

// viewOf returns the observable state of e.
func viewOf(e *Entity) entityView {
	v := entityView{
		Attrs: Entity{
			TypeName: e.TypeName, Label: e.Label, LabelPlural: e.LabelPlural,
			ParentEntity: e.ParentEntity, DisplayField: e.DisplayField,
			Disabled: e.Disabled, ValidStates: e.ValidStates,
		},
		All: e.FieldNames(), Rel: e.Relations, Pickups: e.Pickups,
	}
	for _, f := range e.Fields {
		c := *f
		c.Owner = nil
		v.Fields = append(v.Fields, c)
	}
	for _, f := range e.AllFields() {
		v.Owners = append(v.Owners, f.Owner.TypeName)
	}
	if p := e.Parent(); p != nil {
		v.Parent = p.TypeName
		v.IsParentOf = e.IsA(p.TypeName)
	}
	for _, r := range e.AllRelations() {
		v.Rels = append(v.Rels, r.Name)
	}
	return v
}

// diffMetadata describes the first observable difference between a and b,
// or returns "".
func diffMetadata(a, b *Metadata) string {
	if !a.FetchedAt.Equal(b.FetchedAt) || a.Host != b.Host {
		return fmt.Sprintf("header %v %q vs %v %q", a.FetchedAt, a.Host, b.FetchedAt, b.Host)
	}
	ea, eb := a.Entities(), b.Entities()
	if len(ea) != len(eb) {
		return fmt.Sprintf("%d entities vs %d", len(ea), len(eb))
	}
	for i := range ea {
		if va, vb := viewOf(ea[i]), viewOf(eb[i]); !reflect.DeepEqual(va, vb) {
			return fmt.Sprintf("entity %s:\n%+v\nvs\n%+v", ea[i].TypeName, va, vb)
		}
	}
	return ""
}

// lazySet returns the cache of Synthetic(n, f, 1) loaded (lazily).
func lazySet(t testing.TB, n, f int) (*Metadata, *Metadata) {
	t.Helper()
	m := Synthetic(n, f, 1)
	var buf bytes.Buffer
	if err := m.WriteCache(&buf); err != nil {
		t.Fatal(err)
	}
	c, err := DecodeCache(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return m, c
}

// materialised counts the decoded entities of m.
func materialised(m *Metadata) int {
	n := 0
	for _, e := range m.entities {
		if e.lazy.done.Load() {
			n++
		}
	}
	return n
}

func TestLazyMaterialisation(t *testing.T) {
	m, c := lazySet(t, 100, 5)
	if names := c.EntityNames(); !reflect.DeepEqual(names, m.EntityNames()) || materialised(c) != 0 {
		t.Fatalf("EntityNames materialised %d entities", materialised(c))
	}
	var child *Entity
	for _, e := range m.entities {
		if e.parent != nil {
			child = e
			break
		}
	}
	e := c.Entity(child.TypeName)
	if materialised(c) != 2 || !e.parent.lazy.done.Load() {
		t.Errorf("Entity(%s) materialised %d entities, want it and its parent", child.TypeName, materialised(c))
	}
	subs := c.Subtypes(child.ParentEntity)
	if want := m.Subtypes(child.ParentEntity); len(subs) != len(want) || materialised(c) != 1+len(want) {
		t.Errorf("Subtypes: %d results, %d materialised, want %d", len(subs), materialised(c), len(want))
	}
	if d := diffMetadata(m, c); d != "" || materialised(c) != 100 {
		t.Error(d)
	}
}

func TestLazyConcurrent(t *testing.T) {
	m, c := lazySet(t, 200, 20)
	names := m.EntityNames()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range names {
				name := names[(i*7+g*31)%len(names)]
				e := c.Entity(name)
				want := m.Entity(name)
				if e == nil || len(e.AllFields()) != len(want.AllFields()) {
					t.Errorf("%s: fields differ", name)
					return
				}
				for _, f := range want.AllFields() {
					if e.Field(f.Name) == nil {
						t.Errorf("%s.%s missing", name, f.Name)
					}
				}
				_ = e.Parent()
				_ = c.Subtypes(name)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = c.Entities()
	}()
	wg.Wait()
	if err := c.cacheErr(); err != nil {
		t.Error(err)
	}
}

func TestMergeCacheSets(t *testing.T) {
	m, c := lazySet(t, 30, 4)
	extra := New(&Entity{TypeName: "C_Type00001", Fields: []*Field{{Name: "C_Extra", Type: Integer}}})
	got := Merge(c, extra)
	want := Merge(m, extra)
	if d := diffMetadata(want, got); d != "" {
		t.Error(d)
	}
	if got.Entity("c_type00001").Field("c_extra") == nil {
		t.Error("merged field missing")
	}
	// A cache-loaded set written again gives the same cache.
	var a, b bytes.Buffer
	if err := m.WriteCache(&a); err != nil {
		t.Fatal(err)
	}
	_, c2 := lazySet(t, 30, 4)
	if err := c2.WriteCache(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("rewritten cache differs")
	}
}
