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
		{"CRLF inside", "one\r\ntwo"},
		{"all of them", "x,\"y\"\nz\rw\r\nv"},
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
	// A strict RFC 4180 reader gets every value back byte for byte.
	checkRecords(t, "strict RFC 4180 reader", strictCSV(t, out), values)
	// encoding/csv too, except that it reads a CRLF inside a quoted field
	// as LF, as its documentation says ("Carriage returns before newline
	// characters are silently removed"): the text written keeps the CRLF.
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v:\n%q", err, out)
	}
	lf := make([][2]string, len(values))
	for i, v := range values {
		lf[i] = [2]string{v[0], strings.ReplaceAll(v[1], "\r\n", "\n")}
	}
	checkRecords(t, "encoding/csv", records, lf)
	if !strings.Contains(out, "\"one\r\ntwo\"\r\n") {
		t.Errorf("the CRLF of a value is not written as it is:\n%q", out)
	}
}

// checkRecords compares records read back, a header and then one record
// per value, with the values written.
func checkRecords(t *testing.T, reader string, records [][]string, values [][2]string) {
	t.Helper()
	if len(records) != len(values)+1 {
		t.Fatalf("%s: read %d records, want %d: %q", reader, len(records), len(values)+1, records)
	}
	if want := []string{"Name", "Text"}; !slices.Equal(records[0], want) {
		t.Errorf("%s: header %q, want %q", reader, records[0], want)
	}
	for i, v := range values {
		if got := records[i+1]; !slices.Equal(got, v[:]) {
			t.Errorf("%s: record %d = %q, want %q", reader, i+1, got, v[:])
		}
	}
}

// strictCSV reads CSV as RFC 4180 writes it, records ended by CRLF, and
// keeps every byte of a quoted field, unlike encoding/csv.
func strictCSV(t *testing.T, s string) [][]string {
	t.Helper()
	var records [][]string
	var rec []string
	for len(s) > 0 {
		var field string
		if s[0] == '"' {
			var b strings.Builder
			i := 1
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					t.Fatalf("unclosed quote: %q", s)
				}
				b.WriteString(s[i : i+j])
				i += j + 1
				if i < len(s) && s[i] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				break
			}
			field, s = b.String(), s[i:]
		} else {
			end := strings.IndexAny(s, ",\r")
			if end < 0 {
				t.Fatalf("record not ended by CRLF: %q", s)
			}
			field, s = s[:end], s[end:]
		}
		rec = append(rec, field)
		switch {
		case strings.HasPrefix(s, ","):
			s = s[1:]
		case strings.HasPrefix(s, "\r\n"):
			records, rec, s = append(records, rec), nil, s[2:]
		default:
			t.Fatalf("field %q not followed by a comma or CRLF: %q", field, s)
		}
	}
	return records
}
