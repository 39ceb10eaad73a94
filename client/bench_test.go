package client

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/czql/czql/api"
)

// benchPage builds a realistic page of n Task rows with ten fields each,
// including nested references.
func benchPage(n int) []byte {
	rows := make([]map[string]any, n)
	for i := range rows {
		rows[i] = map[string]any{
			"id":              fmt.Sprintf("/Task/%08x-%04d", i*7919, i),
			"Name":            fmt.Sprintf("Design review of module %d — phase %d", i, i%7),
			"State":           map[string]any{"id": "/State/Active", "Name": "Active"},
			"Manager":         map[string]any{"id": fmt.Sprintf("/User/%d", i%40), "Name": fmt.Sprintf("User %d", i%40), "Email": fmt.Sprintf("user%d@example.com", i%40)},
			"Project":         map[string]any{"id": fmt.Sprintf("/Project/%d", i%300), "Name": fmt.Sprintf("Project %d", i%300)},
			"StartDate":       "2026-03-02T08:00:00.0000000",
			"DueDate":         "2026-04-17T17:00:00.0000000",
			"PercentComplete": float64(i%101) + 0.5,
			"Duration":        map[string]any{"unit": "Days", "value": i % 30, "durationType": "Default"},
			"Critical":        i%5 == 0,
			"Description":     nil,
		}
	}
	b, _ := json.Marshal(map[string]any{"entities": rows, "paging": map[string]any{"from": n, "limit": n, "hasMore": true}})
	return b
}

// BenchmarkDecodePage decodes a 5,000-entity page the way Rows does (rows
// kept raw) and the way Pages does (rows as field maps).
func BenchmarkDecodePage(b *testing.B) {
	page := benchPage(5000)
	b.Run("rows", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			var p RawPage
			if err := decodeResponse(200, page, &p); err != nil || len(p.Entities) != 5000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("pages", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			var p api.QueryResponse
			if err := decodeResponse(200, page, &p); err != nil || len(p.Entities) != 5000 {
				b.Fatal(err)
			}
		}
	})
}
