package frontend

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql"
)

func TestMarshalJSON(t *testing.T) {
	got, err := MarshalJSON(map[string]any{"a": []int{1}, "b": "x<y"})
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"a\": [\n    1\n  ],\n  \"b\": \"x<y\"\n}\n"
	if string(got) != want {
		t.Errorf("MarshalJSON = %q, want %q", got, want)
	}
}

// TestTranslateShapes checks the JSON of Translate, written as the
// requests are made, against MarshalJSON of all of them at once: one
// request as an object, several as an array, none as [].
func TestTranslateShapes(t *testing.T) {
	for _, tc := range []struct {
		src      string
		bodyOnly bool
	}{
		{"SELECT Name FROM Task LIMIT 1", false},
		{"SELECT Name FROM Task LIMIT 1; SELECT COUNT(Name) AS n FROM Task; SELECT Id FROM Project", false},
		{"SELECT Name FROM Task LIMIT 1; SELECT COUNT(Name) AS n FROM Task", true},
		{"-- nothing", false},
	} {
		reqs, _ := czql.TranslateFile("q.czql", []byte(tc.src))
		items := []any{}
		for _, req := range reqs {
			if tc.bodyOnly {
				items = append(items, req.Body)
			} else {
				items = append(items, req.BulkItem())
			}
		}
		var v any = items
		if len(items) == 1 {
			v = items[0]
		}
		want, err := MarshalJSON(v)
		if err != nil {
			t.Fatal(err)
		}
		var out, diags bytes.Buffer
		if code := Translate(&out, &diags, "q.czql", []byte(tc.src), tc.bodyOnly); code != ExitOK {
			t.Fatalf("%q: Translate = %d: %s", tc.src, code, diags.String())
		}
		if out.String() != string(want) {
			t.Errorf("%q: Translate wrote\n%s\nwant\n%s", tc.src, out.String(), want)
		}
		if !json.Valid(out.Bytes()) {
			t.Errorf("%q: invalid JSON", tc.src)
		}
	}
}

func TestTranslateWritesNothingOnErrors(t *testing.T) {
	var out, diags bytes.Buffer
	code := Translate(&out, &diags, "q.czql", []byte("SELECT Name FROM Task; SELECT FROM"), false)
	if code != ExitErrors || out.Len() != 0 || !strings.Contains(diags.String(), "error[syntax]") {
		t.Errorf("Translate = %d, out %q, diags %q", code, out.String(), diags.String())
	}
}
