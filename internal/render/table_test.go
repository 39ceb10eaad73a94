package render

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/czql/czql/api"
	"github.com/czql/czql/internal/golden"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestTableGolden renders the rows of each testdata/table archive: its
// "query.json" section is the entity query (fields and relations), its
// "rows.jsonl" section the rows as the API returns them, and each line
// of its "widths" section ("table 40", "vertical 30") names an output
// section ("table-40", "vertical-30"): the rows as a table, or in
// vertical display, on a display that wide (0: unlimited). No line of a
// table may be wider than the display unless its widths line ends with
// "overflows" (the minimum widths do not fit).
func TestTableGolden(t *testing.T) {
	golden.Run(t, "testdata/table/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		body, rows := goldenInput(t, a)
		widths, _ := golden.Section(a, "widths")
		out := map[string]string{}
		for line := range strings.Lines(widths) {
			words := strings.Fields(line)
			if len(words) < 2 {
				t.Fatalf("widths line %q: want KIND WIDTH [overflows]", line)
			}
			width, err := strconv.Atoi(words[1])
			if err != nil {
				t.Fatalf("widths line %q: %v", line, err)
			}
			text := renderKind(t, words[0], body, rows, width)
			if len(words) < 3 || words[2] != "overflows" {
				checkLineWidths(t, text, width)
			}
			out[words[0]+"-"+words[1]] = text
		}
		return out
	})
}

// goldenInput reads the query and rows of a golden archive.
func goldenInput(t *testing.T, a *txtar.Archive) (*api.EntityQuery, []json.RawMessage) {
	t.Helper()
	query, _ := golden.Section(a, "query.json")
	var body api.EntityQuery
	if err := json.Unmarshal([]byte(query), &body); err != nil {
		t.Fatalf("query.json: %v", err)
	}
	text, _ := golden.Section(a, "rows.jsonl")
	var rows []json.RawMessage
	for line := range strings.Lines(text) {
		if line = strings.TrimSpace(line); line != "" {
			rows = append(rows, json.RawMessage(line))
		}
	}
	return &body, rows
}

// renderKind renders rows as a "table" or "vertical" display width wide.
func renderKind(t *testing.T, kind string, body api.Body, rows []json.RawMessage, width int) string {
	t.Helper()
	expanded := map[string]string{"table": "off", "vertical": "on"}[kind]
	if expanded == "" {
		t.Fatalf("unknown kind %q in widths", kind)
	}
	var b bytes.Buffer
	if err := WriteRows(&b, "table", body, rows, Options{Width: width, Expanded: expanded}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkLineWidths fails when a line of text is wider than width (0:
// unlimited).
func checkLineWidths(t *testing.T, text string, width int) {
	t.Helper()
	if width == 0 {
		return
	}
	for line := range strings.Lines(text) {
		if w := DisplayWidth(strings.TrimSuffix(line, "\n")); w > width {
			t.Errorf("line %q is %d wide, more than %d", line, w, width)
		}
	}
}

func TestAlign(t *testing.T) {
	got := Align([][]string{
		{"FIELD", "TYPE", "LABEL"},
		{"Name", "Text", "名前"},
		{"Manager", "Reference → User", "bell\a"},
		{"Short"},
	})
	want := "FIELD    TYPE              LABEL\n" +
		"Name     Text              名前\n" +
		"Manager  Reference → User  bell\\x07\n" +
		"Short\n"
	if got != want {
		t.Errorf("Align:\n%s\nwant:\n%s", got, want)
	}
}
