package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

// testRows are rows as the API returns them for
// SELECT Name, Manager, Manager.Name, Work, Cost, (SELECT Name FROM Resources).
var testRows = []string{
	`{"id": "/Task/t1", "Name": "Design", "Manager": {"id": "/User/u1", "Name": "Sam"}, "Work": {"unit": "Hours", "value": 8}, "Cost": {"currency": "USD", "value": 10}, "Resources": {"entities": [{"id": "/User/u1"}, {"id": "/User/u2"}, {"id": "/User/u3"}]}}`,
	`{"id": "/Task/t2", "Name": "=HYPERLINK(\"x\")", "Manager": null, "Work": null, "Cost": {"currency": "EUR", "value": -2.5}}`,
}

// testQuery is the request the rows answer.
var testQuery = &api.EntityQuery{
	TypeName:  "Task",
	Fields:    []string{"Name", "Manager", "Manager.Name", "Work", "Cost"},
	Relations: []api.Relation{{Name: "Resources", Fields: []string{"Name"}}},
}

// renderRows writes testRows in format.
func renderRows(t *testing.T, format string) string {
	t.Helper()
	var out bytes.Buffer
	w, err := newRowWriter(format, &out, resultColumns(testQuery))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range testRows {
		if err := w.writeRow(json.RawMessage(r)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestTableFlattensReferencesAndSummarisesRelations(t *testing.T) {
	want := `Name             Manager   Manager.Name  Work     Cost      Resources
---------------  --------  ------------  -------  --------  -----------
Design           /User/u1  Sam           8 Hours  10 USD    3 Resources
=HYPERLINK("x")                                   -2.5 EUR  0 Resources
`
	if got := renderRows(t, formatTable); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestCSVIsSpreadsheetSafe(t *testing.T) {
	want := "Name,Manager,Manager.Name,Work,Cost,Resources\r\n" +
		"Design,/User/u1,Sam,8 Hours,10 USD,3 Resources\r\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",,,,'-2.5 EUR,0 Resources\r\n"
	if got := renderRows(t, formatCSV); got != want {
		t.Errorf("csv:\n%q\nwant:\n%q", got, want)
	}
}

func TestSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+cmd": "'+cmd", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "-3.5": "-3.5", "plain": "plain", "": "",
		"-Inf": "'-Inf",
	} {
		if got := spreadsheetSafe(in); got != want {
			t.Errorf("spreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONLIsOneCompactRowPerLine(t *testing.T) {
	got := renderRows(t, formatJSONL)
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != len(testRows) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(testRows), got)
	}
	if !strings.HasPrefix(lines[0], `{"id":"/Task/t1","Name":"Design","Manager":{"id":"/User/u1","Name":"Sam"}`) {
		t.Errorf("first line not compact in the API's key order: %s", lines[0])
	}
}

func TestJSONIsAnArrayOfTheRowsAsReturned(t *testing.T) {
	var rows []map[string]any
	if err := json.Unmarshal([]byte(renderRows(t, formatJSON)), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0]["Resources"].(map[string]any)["entities"] == nil {
		t.Errorf("relations not nested: %v", rows)
	}
	var out bytes.Buffer
	w, _ := newRowWriter(formatJSON, &out, nil)
	w.close()
	if out.String() != "[]\n" {
		t.Errorf("empty result = %q, want []", out.String())
	}
}

// recordingWriter records what had been written when each row was given.
type recordingWriter struct{ writes int }

func (r *recordingWriter) Write(p []byte) (int, error) { r.writes++; return len(p), nil }

func TestJSONLStreamsEachRow(t *testing.T) {
	rec := &recordingWriter{}
	w, _ := newRowWriter(formatJSONL, rec, nil)
	for i, r := range testRows {
		w.writeRow(json.RawMessage(r))
		if rec.writes != i+1 {
			t.Fatalf("after row %d: %d writes, want %d (rows must not be buffered)", i+1, rec.writes, i+1)
		}
	}
}

func TestAggregateColumns(t *testing.T) {
	cols := resultColumns(&api.AggregateQuery{
		GroupBy:      []string{"State"},
		Aggregations: []api.FieldAggregation{{Function: "Count", FieldName: "Name", Alias: "Cnt"}, {Function: "Max", FieldName: "Work"}},
	})
	var names []string
	for _, c := range cols {
		names = append(names, c.name)
	}
	if got := strings.Join(names, ","); got != "State,Cnt,Max_Work" {
		t.Errorf("columns = %s", got)
	}
}

// TestTableEscapesAndAligns checks czql run's table on hostile and wide
// values: control characters are escaped (a value cannot retitle the
// terminal or break a line), and columns align by display width for CJK,
// emoji and combining marks.
func TestTableEscapesAndAligns(t *testing.T) {
	var out bytes.Buffer
	w, err := newRowWriter(formatTable, &out, resultColumns(&api.EntityQuery{TypeName: "Task", Fields: []string{"Name", "Work"}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{
		`{"Name": "\u001b]0;HACKED\u0007", "Work": 1}`,
		`{"Name": "two\nlines\tand a tab", "Work": 2}`,
		`{"Name": "日本語", "Work": 3}`,
		`{"Name": "🎉ok", "Work": 4}`,
		`{"Name": "e\u0301te\u0301", "Work": 5}`,
	} {
		if err := w.writeRow(json.RawMessage(r)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	want := "Name                   Work\n" +
		"---------------------  ----\n" +
		`\x1b]0;HACKED\x07` + "      1\n" +
		`two\nlines\tand a tab` + "  2\n" +
		"日本語                 3\n" +
		"🎉ok                   4\n" +
		"e\u0301te\u0301" + strings.Repeat(" ", 20) + "5\n"
	if got := out.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07\t") {
		t.Error("a control character reached the output")
	}
}
