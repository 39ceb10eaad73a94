package render

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
// fitted to 80 display columns (most values are cut), as czql-repl does
// on a terminal 80 columns wide.
func BenchmarkRenderTable(b *testing.B) {
	benchmarkTable(b, 80)
}

// BenchmarkRenderTableUnlimited renders the same page without a width,
// as `czql run` does: the peer of BenchmarkRenderTable.
func BenchmarkRenderTableUnlimited(b *testing.B) {
	benchmarkTable(b, 0)
}

// benchmarkTable renders benchPage as a table width columns wide.
func benchmarkTable(b *testing.B, width int) {
	body, rows := benchPage()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteRows(io.Discard, "table", body, rows, Options{Width: width}); err != nil {
			b.Fatal(err)
		}
	}
}
