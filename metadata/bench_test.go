package metadata

import (
	"bytes"
	"strings"
	"testing"
)

// benchEntity returns an entity of Synthetic(1000, 200, 1) that inherits,
// and the upper-cased names of its own and inherited fields.
func benchEntity(b *testing.B, m *Metadata) (*Entity, []string) {
	b.Helper()
	for _, e := range m.Entities() {
		if e.Parent() != nil && len(e.Fields) >= 200 {
			var names []string
			for _, f := range e.AllFields() {
				names = append(names, strings.ToUpper(f.Name))
			}
			return e, names
		}
	}
	b.Fatal("no inheriting entity")
	return nil, nil
}

func BenchmarkFieldLookup(b *testing.B) {
	e, names := benchEntity(b, Synthetic(1000, 200, 1))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if e.Field(names[i%len(names)]) == nil {
			b.Fatal("not found")
		}
	}
}

func BenchmarkFieldLookupMiss(b *testing.B) {
	e, _ := benchEntity(b, Synthetic(1000, 200, 1))
	b.ReportAllocs()
	for b.Loop() {
		if e.Field("C_NoSuchFieldAnywhere") != nil {
			b.Fatal("found")
		}
	}
}

func BenchmarkEntityLookup(b *testing.B) {
	m := Synthetic(1000, 10, 1)
	b.ReportAllocs()
	for b.Loop() {
		if m.Entity("c_type00777") == nil {
			b.Fatal("not found")
		}
	}
}

// cacheBytes is the cache of Synthetic(1000, 200, 1).
func cacheBytes(b *testing.B) []byte {
	var buf bytes.Buffer
	if err := Synthetic(1000, 200, 1).WriteCache(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadCache(b *testing.B) {
	data := cacheBytes(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeCache(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFieldLookupAfterReadCache(b *testing.B) {
	m, err := DecodeCache(cacheBytes(b))
	if err != nil {
		b.Fatal(err)
	}
	e, names := benchEntity(b, m)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if e.Field(names[i%len(names)]) == nil {
			b.Fatal("not found")
		}
	}
}

func BenchmarkWriteCache(b *testing.B) {
	m := Synthetic(1000, 200, 1)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := m.WriteCache(&buf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeJSON(b *testing.B) {
	var buf bytes.Buffer
	if err := Synthetic(1000, 200, 1).Encode(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}
