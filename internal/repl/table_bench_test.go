package repl

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

// BenchmarkRenderTable renders a page of 100 rows of 10 columns,
// fitted to 80 display columns (most values are cut).
func BenchmarkRenderTable(b *testing.B) {
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
	b.ReportAllocs()
	for b.Loop() {
		if _, err := renderTable(body, rows, 80); err != nil {
			b.Fatal(err)
		}
	}
}
