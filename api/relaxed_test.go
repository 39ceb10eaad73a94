package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"
)

func TestStrictJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// The API guide's examples (REST API guide, seed 001).
		{`{UserName: "user", Password: "****"}`, `{"UserName": "user", "Password": "****"}`},
		{`{userName:"user",password:"****"}`, `{"userName":"user","password":"****"}`},
		{`{title: 'Issue 1'}`, `{"title": "Issue 1"}`},
		{`{priority: 5}`, `{"priority": 5}`},
		{`{startDate: "2014-04-20",dueDate: "2014-04-25"}`, `{"startDate": "2014-04-20","dueDate": "2014-04-25"}`},
		{"{\n typeName: 'Issue',\n fields: ['createdOn','title'],\n orders: [{fieldName: 'createdOn', order: 'Ascending'}]\n}",
			"{\n \"typeName\": \"Issue\",\n \"fields\": [\"createdOn\",\"title\"],\n \"orders\": [{\"fieldName\": \"createdOn\", \"order\": \"Ascending\"}]\n}"},
		// Python's str(dict) (a public Python dashboard client).
		{`{'entityId': '/Topic/t1', 'relationName': 'WorkItems', 'fields': ['Name', "it's"], 'deleted': False, 'x': None}`,
			`{"entityId": "/Topic/t1", "relationName": "WorkItems", "fields": ["Name", "it's"], "deleted": false, "x": null}`},
		// Quotes, escapes and control characters.
		{`['say "hi"', 'it\'s', "it\'s", '\u00e9\n']`, `["say \"hi\"", "it's", "it's", "\u00e9\n"]`},
		{"['a\tb']", `["a\u0009b"]`},
		// Trailing commas, literals in any case, numbers, nesting.
		{`{a: [1, -2.5e3, TRUE, Null,], b: {},}`, `{"a": [1, -2.5e3, true, null], "b": {}}`},
		{`[[], {}, [[{x_1: 0}]]]`, `[[], {}, [[{"x_1": 0}]]]`},
		{"\xEF\xBB\xBF {C_Field$: 1}", ` {"C_Field$": 1}`},
		// Standard JSON is returned as it is.
		{`{"a": [1, "b"]}`, `{"a": [1, "b"]}`},
	} {
		got, err := StrictJSON([]byte(tt.in))
		if err != nil {
			t.Errorf("StrictJSON(%s): %v", tt.in, err)
			continue
		}
		if json.Valid([]byte(tt.in)) {
			if string(got) != tt.in {
				t.Errorf("StrictJSON(%s) = %s; want JSON unchanged", tt.in, got)
			}
			continue
		}
		// White space between tokens is dropped.
		var want bytes.Buffer
		if err := json.Compact(&want, []byte(tt.want)); err != nil {
			t.Fatalf("want %s: %v", tt.want, err)
		}
		if string(got) != want.String() {
			t.Errorf("StrictJSON(%s):\n got %s\nwant %s", tt.in, got, want.String())
		}
	}
}

func TestStrictJSONErrors(t *testing.T) {
	for _, tt := range []struct {
		in     string
		offset int
	}{
		{``, 0}, {`   `, 3}, {`{`, 1}, {`{a}`, 2}, {`{a:}`, 3}, {`[,]`, 1}, {`[1,,2]`, 3},
		{`{a:1 b:2}`, 5}, {`[1}`, 2}, {`{a:1]`, 4}, {`'abc`, 0}, {`"a\q"`, 2}, {`"\u12"`, 1},
		{`[1] 2`, 4}, {`[01]`, 1}, {`[1.]`, 1}, {`[NaN]`, 1}, {`[undefined]`, 1}, {`{:1}`, 1}, {`{'a' 1}`, 5},
	} {
		_, err := StrictJSON([]byte(tt.in))
		var re *RelaxedError
		if !errors.As(err, &re) {
			t.Errorf("StrictJSON(%q): %v; want a *RelaxedError", tt.in, err)
			continue
		}
		if re.Offset != tt.offset {
			t.Errorf("StrictJSON(%q): %v; want offset %d", tt.in, err, tt.offset)
		}
	}
}

func TestStrictJSONLimits(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := StrictJSON([]byte(deep + " ")); err != nil {
		t.Errorf("%d levels: %v", MaxDepth, err)
	}
	deeper := "{a:" + deep + "}"
	if _, err := StrictJSON([]byte(deeper)); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("%d levels: %v; want the depth error", MaxDepth+1, err)
	}
	big := make([]byte, MaxRequestSize+1)
	if _, err := StrictJSON(big); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("%d bytes: %v; want the size error", len(big), err)
	}
}

// TestStrictJSONScaling checks that the reader is linear: ten times the
// input, in every shape, costs less than maxScaling times the bytes.
func TestStrictJSONScaling(t *testing.T) {
	for name, make := range map[string]func(n int) string{
		"deep":    func(n int) string { return strings.Repeat("{a:[", n) + strings.Repeat("]}", n) },
		"wide":    func(n int) string { return "[" + strings.Repeat("{k: 'v', n: 1},", n) + "]" },
		"strings": func(n int) string { return "['" + strings.Repeat(`"\'\n`, n) + "']" },
	} {
		cost := func(doc string) uint64 {
			data := []byte(doc)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := StrictJSON(data)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return after.TotalAlloc - before.TotalAlloc
		}
		small, large := cost(make(400)), cost(make(4000))
		if large >= maxScaling*small {
			t.Errorf("%s: 10× the input allocated %d → %d bytes", name, small, large)
		}
	}
}

// FuzzStrictJSON checks that the reader never panics, that what it
// returns is JSON, and that JSON comes back unchanged.
func FuzzStrictJSON(f *testing.F) {
	for _, s := range []string{`{UserName: "user", Password: "****"}`, `{a: ['x', "y\'", 1e3, True, None,],}`, `[{"a":1}]`, `'\u00e9'`, `{`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := StrictJSON(data)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("StrictJSON(%q) = %q: not JSON", data, out)
		}
		if json.Valid(data) && string(out) != string(data) {
			t.Fatalf("StrictJSON changed JSON %q into %q", data, out)
		}
		if again, err := StrictJSON(out); err != nil || string(again) != string(out) {
			t.Fatalf("StrictJSON(%q) = %q, %v; want it unchanged", out, again, err)
		}
	})
}
