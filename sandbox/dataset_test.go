package sandbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeDatasetSmall(t *testing.T) {
	_, d := fixture(t)
	if got := strings.Join(d.TypeNames(), ","); got != "Project,RegularResourceLink,Task,User" {
		t.Errorf("types: %s", got)
	}
	if d.Len() != 11 || len(d.Rows("task")) != 4 || d.Rows("Nope") != nil {
		t.Errorf("len %d, tasks %d", d.Len(), len(d.Rows("task")))
	}
}

func TestDecodeDatasetErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"syntax", "{\"entities\": {\n  \"Task\": [\n    {\"id\": \"/Task/t1\",}\n  ]}}", "dataset: 3:23: "},
		{"syntax first line", `{"entities": x}`, "dataset: 1:14: "},
		{"truncated", "{\"entities\": {\"Task\": [", "dataset: "},
		{"wrong type", "{\"entities\":\n {\"Task\": 5}}", "dataset: 2:11: "},
		{"no entities", `{"Task": []}`, `dataset: no "entities" object`},
		{"not an object", `[]`, "dataset: 1:1: "},
		{"no id", `{"entities": {"Task": [{"id": "/Task/t1"}, {"Name": "x"}]}}`, `dataset: entities.Task[1]: no string "id"`},
		{"numeric id", `{"entities": {"Task": [{"id": 7}]}}`, `dataset: entities.Task[0]: no string "id"`},
		{"wrong prefix", `{"entities": {"Task": [{"id": "/Task/t1"}, {"id": "/User/u1"}]}}`, `dataset: entities.Task[1]: id "/User/u1" is not of the form /Task/<id>`},
		{"bare id", `{"entities": {"User": [{"id": "u1"}]}}`, `dataset: entities.User[0]: id "u1" is not of the form /User/<id>`},
		{"empty key", `{"entities": {"User": [{"id": "/User/"}]}}`, `dataset: entities.User[0]: id "/User/" is not of the form /User/<id>`},
		{"number row", `{"entities": {"User": [{"id": "/User/u1"}, 3]}}`, `dataset: entities.User[1]: not a JSON object`},
		{"null row", `{"entities": {"User": [null]}}`, `dataset: entities.User[0]: not a JSON object`},
		{"array row", `{"entities": {"User": [["id"]]}}`, `dataset: entities.User[0]: not a JSON object`},
		{"duplicate", `{"entities": {"Task": [{"id": "/Task/t1"}], "task": [{"id": "/TASK/T1"}]}}`, `dataset: entities.task[0]: duplicate id "/TASK/T1" (also in Task)`},
	} {
		d, err := DecodeDataset(strings.NewReader(tc.in))
		if err == nil {
			t.Errorf("%s: no error (%d rows)", tc.name, d.Len())
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s:\n got %v\nwant prefix %s", tc.name, err, tc.want)
		}
	}
	// A type prefix is matched case-insensitively.
	if _, err := DecodeDataset(strings.NewReader(`{"entities": {"Task": [{"id": "/task/t1"}]}}`)); err != nil {
		t.Errorf("lower-case prefix: %v", err)
	}
}

func TestLoadDatasetErrorNamesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(p, []byte("{\n\"entities\": {,}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadDataset(p)
	if err == nil || !strings.HasPrefix(err.Error(), p+": dataset: 2:14: ") {
		t.Errorf("got %v", err)
	}
	if _, err := LoadDataset(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
}

// FuzzDecodeDataset: DecodeDataset returns a dataset or an error, never
// panics; a decoded dataset loads into a store unless its types are not
// in the metadata.
func FuzzDecodeDataset(f *testing.F) {
	for _, s := range []string{
		`{"entities": {"Task": [{"id": "/Task/t1", "Name": "x", "Duration": {"unit": "Days", "value": 5}}]}}`,
		`{"entities": {"Task": [{"id": "/User/u1"}]}}`,
		"{\"entities\": {\n\"Task\": [1, null]}}",
		`{"entities": {"Task": [{"id": "/Task/t1"}], "task": [{"id": "/task/T1"}]}}`,
		`{"entities": {"Task": [{"id": "/Task/t1",`,
	} {
		f.Add(s)
	}
	md, _ := fixture(f)
	f.Fuzz(func(t *testing.T, in string) {
		d, err := DecodeDataset(strings.NewReader(in))
		if err != nil {
			if d != nil || !strings.Contains(err.Error(), "dataset: ") {
				t.Fatalf("error %v with dataset %v", err, d)
			}
			return
		}
		for _, name := range d.TypeNames() {
			for _, r := range d.Rows(name) {
				if !strings.HasPrefix(strings.ToLower(r.ID()), "/"+strings.ToLower(name)+"/") {
					t.Fatalf("row %v of %s", r, name)
				}
			}
		}
		newStore(md, d)
	})
}
