package repl

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

// benchPage is a page of 100 rows of 10 columns of varied widths.
func benchPage() (*api.EntityQuery, []json.RawMessage) {
	fields := make([]string, 10)
	for i := range fields {
		fields[i] = fmt.Sprintf("Field%d", i)
	}
	body := &api.EntityQuery{TypeName: "Task", Fields: fields}
	rows := make([]json.RawMessage, 100)
	for r := range rows {
		obj := map[string]string{"id": fmt.Sprintf("/Task/%d", r)}
		for i, f := range fields {
			obj[f] = strings.Repeat(fmt.Sprintf("v%d.%d ", r, i), 1+(r+i)%5)
		}
		rows[r], _ = json.Marshal(obj)
	}
	return body, rows
}

// BenchmarkRenderTable renders a page of 100 rows of 10 columns,
// fitted to 80 display columns (most values are cut).
func BenchmarkRenderTable(b *testing.B) {
	body, rows := benchPage()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderTable(body, rows, 80); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderTableCzqlRun renders the same page with the table writer
// of `czql run` (no fitting, no display widths): the peer of
// BenchmarkRenderTable.
func BenchmarkRenderTableCzqlRun(b *testing.B) {
	body, rows := benchPage()
	b.ReportAllocs()
	for b.Loop() {
		if err := writeRows(io.Discard, "table", body, rows); err != nil {
			b.Fatal(err)
		}
	}
}
