package metadata

import (
	"bytes"
	"os"
	"testing"
)

// cacheSeed is a small valid cache for the fuzz corpus.
func cacheSeed(f *testing.F) []byte {
	var buf bytes.Buffer
	if err := Synthetic(3, 4, 1).WriteCache(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadCache checks that no input makes the cache reader panic, both
// with the checksum and without it (decodeNoCRC), that every entity of what
// loads materialises without error, and that what decodes round-trips.
func FuzzReadCache(f *testing.F) {
	good := cacheSeed(f)
	f.Add(good)
	f.Add(good[len(cacheMagic) : len(good)-4])
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		if m, err := DecodeCache(data); err == nil {
			var buf bytes.Buffer
			if err := m.WriteCache(&buf); err != nil {
				t.Fatal(err)
			}
			if _, err := DecodeCache(buf.Bytes()); err != nil {
				t.Fatalf("re-decode: %v", err)
			}
		}
		if m, err := decodeNoCRC(data); err == nil {
			if names := m.EntityNames(); len(names) > 0 {
				_ = m.Subtypes(names[0])
			}
			for _, e := range m.Entities() {
				for _, fl := range e.AllFields() {
					_ = e.Field(fl.Name)
				}
				_ = e.FieldNames()
				_ = e.IsA("x")
			}
			if err := m.cacheErr(); err != nil {
				t.Fatalf("a checked block failed to decode: %v", err)
			}
		}
	})
}

// FuzzDecode checks that no JSON input makes Decode panic and that what
// decodes survives Encode→Decode.
func FuzzDecode(f *testing.F) {
	if data, err := os.ReadFile("testdata/sample.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"typeNames":["A"],"entityRelations":[{"typeName":"a","relations":[{"name":"R"}]}]}`))
	f.Add([]byte(`[{"typeName":"A","parentEntity":"A","fields":[{"name":"X","type":"Entity","defaultValue":{"id":"/A/1"}}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := m.Encode(&buf); err != nil {
			return // e.g. a default value that is not valid JSON on its own
		}
		if _, err := Decode(&buf); err != nil {
			t.Fatalf("re-decode of Encode output: %v", err)
		}
	})
}
