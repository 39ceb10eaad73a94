package render

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

// testRows are rows as the API returns them for
// SELECT Name, Manager, Manager.Name, Work, Cost, (SELECT Name FROM Resources).
var testRows = []json.RawMessage{
	json.RawMessage(`{"id": "/Task/t1", "Name": "Design", "Manager": {"id": "/User/u1", "Name": "Sam"}, "Work": {"unit": "Hours", "value": 8}, "Cost": {"currency": "USD", "value": 10}, "Resources": {"entities": [{"id": "/User/u1", "Name": "Sam"}, {"id": "/User/u2", "Name": "Ana Ruiz"}, {"id": "/User/u3", "Name": "Zoe"}]}}`),
	json.RawMessage(`{"id": "/Task/t2", "Name": "=HYPERLINK(\"x\")", "Manager": null, "Work": null, "Cost": {"currency": "EUR", "value": -2.5}}`),
}

// testQuery is the request the rows answer.
var testQuery = &api.EntityQuery{
	TypeName:  "Task",
	Fields:    []string{"Name", "Manager", "Manager.Name", "Work", "Cost"},
	Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}},
}

// renderRows writes rows of the result of body in format with opts.
func renderRows(t *testing.T, format string, body api.Body, rows []json.RawMessage, opts Options) string {
	t.Helper()
	var out bytes.Buffer
	if err := WriteRows(&out, format, body, rows, opts); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestFormats(t *testing.T) {
	if got, want := Formats(), []string{"table", "json", "jsonl", "csv"}; !slices.Equal(got, want) {
		t.Errorf("Formats() = %q, want %q", got, want)
	}
	Formats()[0] = "changed"
	if Formats()[0] != "table" {
		t.Error("Formats returns a slice its caller can change")
	}
}

func TestUnknownFormatOrExpandedIsAnError(t *testing.T) {
	for _, c := range []struct {
		format string
		opts   Options
		want   string
	}{
		{"xml", Options{}, `unknown format "xml" (want table, json, jsonl, csv)`},
		{"table", Options{Expanded: "sideways"}, `unknown expanded display "sideways" (want off, on or auto)`},
	} {
		_, err := NewWriter(c.format, &bytes.Buffer{}, testQuery, c.opts)
		if err == nil || err.Error() != c.want {
			t.Errorf("NewWriter(%q, %+v): error %v, want %q", c.format, c.opts, err, c.want)
		}
	}
	if _, err := NewWriter("csv", &bytes.Buffer{}, testQuery, Options{Expanded: "sideways"}); err != nil {
		t.Errorf("csv with an expanded mode: %v (only tables use it)", err)
	}
}

// A reference whose Name the query fetched (Manager with Manager.Name)
// shows as its Name.
func TestTableFlattensReferencesAndNestsRelations(t *testing.T) {
	want := `Name             Manager  Manager.Name  Work     Cost      Resources
---------------  -------  ------------  -------  --------  -----------
Design           Sam      Sam           8 Hours  10 USD    3 Resources
  Name
  --------
  Sam
  Ana Ruiz
  Zoe
=HYPERLINK("x")                                  -2.5 EUR  0 Resources
`
	if got := renderRows(t, "table", testQuery, testRows, Options{}); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestEmptyTableIsItsHeader(t *testing.T) {
	want := "Name  Work\n----  ----\n"
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Work"}}
	if got := renderRows(t, "table", body, nil, Options{Width: 80, Expanded: "auto"}); got != want {
		t.Errorf("table:\n%q\nwant:\n%q", got, want)
	}
}

// TestTableEscapesAndAligns checks the table on hostile and wide values:
// control characters are escaped (a value cannot retitle the terminal or
// break a line), and columns align by display width for CJK, emoji and
// combining marks.
func TestTableEscapesAndAligns(t *testing.T) {
	rows := []json.RawMessage{
		json.RawMessage(`{"Name": "\u001b]0;HACKED\u0007", "Work": 1}`),
		json.RawMessage(`{"Name": "two\nlines\tand a tab", "Work": 2}`),
		json.RawMessage(`{"Name": "日本語", "Work": 3}`),
		json.RawMessage(`{"Name": "🎉ok", "Work": 4}`),
		json.RawMessage(`{"Name": "e\u0301te\u0301", "Work": 5}`),
	}
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Work"}}
	want := "Name                   Work\n" +
		"---------------------  ----\n" +
		`\x1b]0;HACKED\x07` + "      1\n" +
		`two\nlines\tand a tab` + "  2\n" +
		"日本語                 3\n" +
		"🎉ok                   4\n" +
		"e\u0301te\u0301" + strings.Repeat(" ", 20) + "5\n"
	for _, expanded := range []string{"off", "auto"} {
		got := renderRows(t, "table", body, rows, Options{Width: 80, Expanded: expanded})
		if got != want {
			t.Errorf("table (expanded %s):\n%s\nwant:\n%s", expanded, got, want)
		}
	}
	vertical := renderRows(t, "table", body, rows, Options{Expanded: "on"})
	if !strings.Contains(vertical, `Name | \x1b]0;HACKED\x07`+"\n") || !strings.Contains(vertical, `Name | two\nlines\tand a tab`+"\n") {
		t.Errorf("vertical display does not escape the values:\n%s", vertical)
	}
	for _, out := range []string{want, vertical} {
		if strings.ContainsAny(out, "\x1b\x07\t") {
			t.Errorf("a control character reached the output: %q", out)
		}
	}
}

func TestExpandedAutoIsATableWhenItFits(t *testing.T) {
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Manager.Name"}}
	rows := []json.RawMessage{json.RawMessage(`{"Name": "Build", "Manager": {"Name": "Ana Ruiz"}}`)}
	table := "Name   Manager.Name\n-----  ------------\nBuild  Ana Ruiz\n" // 19 wide
	vertical := "-[ RECORD 1 ]\nName         | Build\nManager.Name | Ana Ruiz\n"
	for _, c := range []struct {
		width int
		want  string
	}{
		{0, table},  // unlimited: always fits
		{19, table}, // exactly
		{18, vertical},
		{80, table},
	} {
		if got := renderRows(t, "table", body, rows, Options{Width: c.width, Expanded: "auto"}); got != c.want {
			t.Errorf("auto at width %d:\n%s\nwant:\n%s", c.width, got, c.want)
		}
	}
	if got := renderRows(t, "table", body, rows, Options{Width: 80, Expanded: "on"}); got != vertical {
		t.Errorf("on:\n%s\nwant:\n%s", got, vertical)
	}
	cut := "Name   Manager.Na…\n-----  -----------\nBuild  Ana Ruiz\n"
	if got := renderRows(t, "table", body, rows, Options{Width: 18, Expanded: "off"}); got != cut {
		t.Errorf("off at width 18:\n%s\nwant:\n%s", got, cut)
	}
}

// TestExpandedAutoCountsNestedTables checks that auto measures the
// sub-tables of relation items too.
func TestExpandedAutoCountsNestedTables(t *testing.T) {
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name"}, Relations: []api.Relation{{Name: "Resources", Fields: []string{"Email"}}}}
	rows := []json.RawMessage{json.RawMessage(`{"Name": "Build", "Resources": [{"Email": "a.very.long.address@example.com"}]}`)}
	got := renderRows(t, "table", body, rows, Options{Width: 20, Expanded: "auto"})
	want := `-[ RECORD 1 ]
Name               | Build
Resources          | 1 Resources
Resources[1].Email | a.very.long.address@example.com
`
	if got != want {
		t.Errorf("auto at width 20:\n%s\nwant:\n%s", got, want)
	}
}

func TestJSONLIsOneCompactRowPerLine(t *testing.T) {
	got := renderRows(t, "jsonl", testQuery, testRows, Options{})
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != len(testRows) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(testRows), got)
	}
	if !strings.HasPrefix(lines[0], `{"id":"/Task/t1","Name":"Design","Manager":{"id":"/User/u1","Name":"Sam"}`) {
		t.Errorf("first line not compact in the API's key order: %s", lines[0])
	}
	for _, line := range lines {
		if !json.Valid([]byte(line)) {
			t.Errorf("line is not JSON: %s", line)
		}
	}
}

func TestJSONIsAnArrayOfTheRowsAsReturned(t *testing.T) {
	out := renderRows(t, "json", testQuery, testRows, Options{})
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(rows) != 2 || rows[0]["Resources"].(map[string]any)["entities"] == nil {
		t.Errorf("relations not nested: %v", rows)
	}
	if got := renderRows(t, "json", testQuery, nil, Options{}); got != "[]\n" {
		t.Errorf("empty result = %q, want []", got)
	}
}

// TestJSONKeepsHostileValuesEscaped checks that JSON and JSON lines stay
// valid and carry control characters escaped, never raw.
func TestJSONKeepsHostileValuesEscaped(t *testing.T) {
	rows := []json.RawMessage{json.RawMessage(`{"Name": "\u001b]0;HACKED\u0007", "Note": "a\tb\nc\r\"d\""}`)}
	body := &api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Note"}}
	for _, format := range []string{"json", "jsonl"} {
		out := renderRows(t, format, body, rows, Options{})
		if strings.ContainsAny(out, "\x1b\x07\t\r") {
			t.Errorf("%s: a control character reached the output: %q", format, out)
		}
		dec := json.NewDecoder(strings.NewReader(out))
		for dec.More() {
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Errorf("%s: invalid JSON: %v\n%s", format, err, out)
				break
			}
		}
	}
}

// recordingWriter counts the writes it is given.
type recordingWriter struct{ writes int }

func (r *recordingWriter) Write(p []byte) (int, error) { r.writes++; return len(p), nil }

func TestJSONAndJSONLStreamEachRow(t *testing.T) {
	for _, format := range []string{"json", "jsonl"} {
		rec := &recordingWriter{}
		w, err := NewWriter(format, rec, testQuery, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range testRows {
			if err := w.WriteRow(r); err != nil {
				t.Fatal(err)
			}
			if rec.writes != i+1 {
				t.Fatalf("%s: after row %d: %d writes, want %d (rows must not be buffered)", format, i+1, rec.writes, i+1)
			}
		}
	}
}
