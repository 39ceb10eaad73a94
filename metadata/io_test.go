package metadata

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRoundTripSample(t *testing.T) {
	m := loadSample(t)
	m.FetchedAt = time.Date(2025, 3, 1, 12, 0, 0, 5, time.UTC)
	m.Host = "api.clarizen.com"
	roundTrip(t, m)
}

func TestRoundTripSynthetic(t *testing.T) {
	roundTrip(t, Synthetic(50, 30, 7))
	roundTrip(t, Synthetic(0, 0, 1))
	roundTrip(t, New())
}

func TestSyntheticDeterministic(t *testing.T) {
	a, b := Synthetic(30, 10, 3), Synthetic(30, 10, 3)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Synthetic is not deterministic")
	}
	if len(a.Entities()) != 30 || len(a.Entity("C_Type00001").Fields) != 11 {
		t.Error("Synthetic sizes")
	}
	inherits := 0
	for _, e := range a.Entities() {
		if e.Parent() != nil {
			inherits++
		}
	}
	if inherits == 0 {
		t.Error("Synthetic has no inheritance")
	}
}

func TestLoadCacheFile(t *testing.T) {
	m := loadSample(t)
	path := filepath.Join(t.TempDir(), "md.cache")
	var buf bytes.Buffer
	if err := m.WriteCache(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffMetadata(m, c); d != "" {
		t.Errorf("cache file loads differently: %s", d)
	}
	r, err := ReadCache(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadCache: %v", err)
	}
	if d := diffMetadata(m, r); d != "" {
		t.Errorf("ReadCache: %s", d)
	}
}

func TestCorruptCache(t *testing.T) {
	var buf bytes.Buffer
	if err := Synthetic(20, 10, 1).WriteCache(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	cases := map[string][]byte{
		"empty":      nil,
		"magic only": []byte(cacheMagic),
		"bad magic":  append([]byte("XZQLMD2\n"), good[8:]...),
		"version 9":  append([]byte("CZQLMD9\n"), good[8:]...),
		"truncated":  good[:len(good)/2],
		"no crc":     good[:len(good)-4],
		"flipped":    flip(good, len(good)/3),
	}
	for name, data := range cases {
		if _, err := DecodeCache(data); !errors.Is(err, ErrCorruptCache) {
			t.Errorf("%s: err = %v, want ErrCorruptCache", name, err)
		}
	}
	// Every truncation of the body, checksum bypassed, fails cleanly.
	body := good[len(cacheMagic) : len(good)-4]
	for n := 0; n < len(body); n += 7 {
		if _, err := decodeNoCRC(body[:n]); err == nil {
			t.Fatalf("body truncated at %d decoded", n)
		}
	}
}

func TestCacheBogusLengths(t *testing.T) {
	bodies := map[string][]byte{
		// A directory claiming 2^40 entities must fail before allocating.
		"entities": {0, 0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0, 0, 0, 0, 0, 0, 0, 0},
		// A block longer than the input.
		"block": {0, 0, 1, 1, 'A', 0, 0xff, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		// A string table of 2^40 strings in a block.
		"table": {0, 0, 1, 1, 'A', 0, 10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0, 0, 0, 0},
		// A string reference past the table.
		"ref": {0, 0, 1, 1, 'A', 0, 9, 0, 5, 0, 0, 0, 0, 0, 0, 0},
		// Trailing bytes in a block.
		"trailing": {0, 0, 1, 1, 'A', 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		// Entities out of order.
		"order": {0, 0, 2, 1, 'B', 0, 9, 1, 'A', 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		// Entities equal case-insensitively.
		"duplicate": {0, 0, 2, 1, 'A', 0, 9, 1, 'a', 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	for name, body := range bodies {
		if _, err := decodeNoCRC(body); !errors.Is(err, ErrCorruptCache) {
			t.Errorf("%s: err = %v", name, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
	ok := []byte{0, 0, 1, 1, 'A', 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if m, err := decodeNoCRC(ok); err != nil || m.Entity("a") == nil {
		t.Errorf("minimal cache: %v", err)
	}
}

func TestCacheFormat1Rejected(t *testing.T) {
	data := []byte("CZQLMD1\n\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	_, err := DecodeCache(data)
	if !errors.Is(err, ErrCorruptCache) || !strings.Contains(err.Error(), "run czql metadata fetch again") {
		t.Errorf("err = %v", err)
	}
	path := filepath.Join(t.TempDir(), "old.cache")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); !errors.Is(err, ErrCorruptCache) {
		t.Errorf("Load: err = %v", err)
	}
}

// decodeNoCRC decodes a cache body (what follows the magic, without the
// checksum), bypassing the checksum.
func decodeNoCRC(body []byte) (*Metadata, error) {
	return decodeCache(cacheMagic+string(body), len(cacheMagic))
}

// flip returns a copy of b with byte i inverted.
func flip(b []byte, i int) []byte {
	c := slices.Clone(b)
	c[i] ^= 0xff
	return c
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "1:1: empty metadata document"},
		{"{\n  \"entityDescriptions\": [\n    {\"typeName\": \"Task\",,}\n  ]\n}", "3:25: invalid character ','"},
		{`{"entityDescriptions": [{"typeName": "A"}, {"typeName": "B", "fields": [{"name": "X", "type": 5}]}]}`,
			"1:95: entityDescriptions[1].fields[0].type: cannot use JSON number as string"},
		{`{"entityDescriptions": [{"typeName": "A", "fields": [{"name": "X", "type": "String"}, {"type": "String"}]}]}`,
			"entityDescriptions[0] (A).fields[1]: missing name"},
		{`{"entityDescriptions": [{"typeName": "A", "fields": [{"name": "X"}]}]}`, "fields[0] (X): missing type"},
		{`{"entityDescriptions": [{"label": "A"}]}`, "entityDescriptions[0]: missing typeName"},
		{`{"entityDescriptions": [{"typeName": "A", "relations": [{"label": "x"}]}]}`, "relations[0]: missing name"},
		{`[{"typeName": 1}]`, "1:15: entityDescriptions[0].typeName: cannot use JSON number"},
		{`"text"`, "not an object or an array"},
		{`{"entityDescriptions": [{"typeName": "A", "fields": ["… repeated …"]}]}`, "entityDescriptions[0].fields[0]: cannot use JSON string"},
		{`{"typeNames": ["A", ""]}`, "typeNames[1]: empty type name"},
	}
	for _, c := range cases {
		_, err := Decode(strings.NewReader(c.in))
		var de *DecodeError
		if !errors.As(err, &de) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Decode(%.40q) = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestDecodeOtherShapes(t *testing.T) {
	in := `{"typeNames": ["Task", "Note"],
	  "entityRelations": [{"typeName": "task", "relations": [{"name": "Resources", "linkTypeName": "RegularResourceLink", "relatedTypeName": "User"}]}],
	  "somethingElse": 1}`
	m, err := Decode(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.EntityNames(), []string{"Note", "Task"}) || m.Entity("Task").Relation("resources") == nil {
		t.Errorf("shapes: %v", m.EntityNames())
	}
	m, err = Decode(strings.NewReader("\ufeff[{\"TYPENAME\": \"Task\", \"parentEntity\": null, \"unknown\": {}}]"))
	if err != nil || m.Entity("task") == nil || m.Entity("task").ParentEntity != "" {
		t.Errorf("bare array: %v", err)
	}
}

func TestMerge(t *testing.T) {
	a := New(
		&Entity{TypeName: "Task", Label: "Task", Fields: []*Field{{Name: "Name", Type: String, Label: "old"}, {Name: "Work", Type: Duration}}},
		&Entity{TypeName: "User"},
	)
	a.Host = "a"
	b := New(
		&Entity{TypeName: "task", ParentEntity: "WorkItem", Fields: []*Field{{Name: "NAME", Type: String, Label: "new"}, {Name: "C_X", Type: Integer}},
			Relations: []*Relation{{Name: "Resources"}}, Pickups: []*Pickup{{Value: "P"}}},
		&Entity{TypeName: "WorkItem", Fields: []*Field{{Name: "StartDate", Type: DateTime}}},
	)
	m := Merge(a, nil, b)
	if !slices.Equal(m.EntityNames(), []string{"Task", "User", "WorkItem"}) || m.Host != "a" {
		t.Fatalf("names = %v", m.EntityNames())
	}
	task := m.Entity("Task")
	if got := task.FieldNames(); !slices.Equal(got, []string{"NAME", "Work", "C_X", "StartDate"}) {
		t.Errorf("fields = %v", got)
	}
	if task.Field("name").Label != "new" || task.Field("name").Owner != task || task.Label != "Task" {
		t.Error("later set should win, earlier non-empty attributes kept")
	}
	if a.Entity("Task").Field("Name").Label != "old" || a.Entity("Task").Field("Name").Owner != a.Entity("Task") {
		t.Error("Merge modified its input")
	}
	if task.Relation("Resources") == nil || len(task.Pickups) != 1 {
		t.Error("relations or pickups lost")
	}
}

func TestLoadMerged(t *testing.T) {
	dir := t.TempDir()
	extra := filepath.Join(dir, "extra.json")
	js := `{"entityDescriptions": [{"typeName": "Task", "fields": [{"name": "C_Risk", "type": "Integer"}, {"name": "Name", "type": "String", "label": "Renamed"}]}]}`
	if err := os.WriteFile(extra, []byte(js), 0o600); err != nil {
		t.Fatal(err)
	}
	m, err := Load("testdata/sample.json", extra)
	if err != nil {
		t.Fatal(err)
	}
	task := m.Entity("Task")
	if task.Field("c_risk") == nil || task.Field("Name").Label != "Renamed" || task.Field("StartDate") == nil {
		t.Errorf("merged Task = %v", task.FieldNames())
	}
	if _, err := Load(); err == nil {
		t.Error("Load() without files should fail")
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file should fail")
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte("{\n x"), 0o600)
	if _, err := Load(bad); err == nil || !strings.Contains(err.Error(), "bad.json: metadata: 2:2") {
		t.Errorf("bad file error = %v", err)
	}
}
