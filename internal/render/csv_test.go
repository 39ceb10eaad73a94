package render

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

func TestCSVIsSpreadsheetSafe(t *testing.T) {
	want := "Name,Manager,Manager.Name,Work,Cost,Resources\r\n" +
		"Design,/User/u1,Sam,8 Hours,10 USD,3 Resources\r\n" +
		"\"'=HYPERLINK(\"\"x\"\")\",,,,'-2.5 EUR,0 Resources\r\n"
	if got := renderRows(t, "csv", testQuery, testRows, Options{}); got != want {
		t.Errorf("csv:\n%q\nwant:\n%q", got, want)
	}
}

func TestEmptyCSVIsItsHeader(t *testing.T) {
	if got := renderRows(t, "csv", testQuery, nil, Options{}); got != "Name,Manager,Manager.Name,Work,Cost,Resources\r\n" {
		t.Errorf("csv = %q", got)
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

// TestCSVRoundTrips checks that encoding/csv reads back the cells
// written: line feeds and lone carriage returns inside a field, quotes
// and commas, records ended by CRLF.
func TestCSVRoundTrips(t *testing.T) {
	values := [][2]string{
		{"lone CR", "a\rb"},
		{"LF inside", "first line\nsecond line"},
		{"quotes", `say "hi"`},
		{"commas", "a, b,,c"},
		{"all of them", "x,\"y\"\nz\rw"},
		{"ends with LF", "last\n"},
		{"", ""},
	}
	body := &api.EntityQuery{TypeName: "Note", Fields: []string{"Name", "Text"}}
	var rows []json.RawMessage
	for _, v := range values {
		row, _ := json.Marshal(map[string]string{"Name": v[0], "Text": v[1]})
		rows = append(rows, row)
	}
	out := renderRows(t, "csv", body, rows, Options{})
	if !strings.HasSuffix(out, "\r\n") || !strings.Contains(out, "first line\nsecond line") {
		t.Errorf("records must end with CRLF and keep the LF of a field:\n%q", out)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%q", err, out)
	}
	if want := []string{"Name", "Text"}; !slices.Equal(records[0], want) {
		t.Errorf("header %q, want %q", records[0], want)
	}
	if len(records) != len(values)+1 {
		t.Fatalf("read %d records, want %d:\n%q", len(records), len(values)+1, out)
	}
	for i, v := range values {
		if got := records[i+1]; !slices.Equal(got, v[:]) {
			t.Errorf("record %d = %q, want %q", i+1, got, v[:])
		}
	}
}
