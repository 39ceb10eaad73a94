package render

import (
	"slices"
	"testing"
)

func TestFitWidths(t *testing.T) {
	for _, c := range []struct {
		name    string
		natural []int
		limit   int
		want    []int
	}{
		{"unlimited", []int{50, 69, 29, 8}, 0, []int{50, 69, 29, 8}},
		{"fits exactly", []int{50, 69, 29, 8}, 162, []int{50, 69, 29, 8}},
		{"the widest loses one", []int{50, 69, 29, 8}, 161, []int{50, 68, 29, 8}},
		{"the two widest meet", []int{50, 69, 29, 8}, 142, []int{50, 49, 29, 8}},
		{"capped evenly, leftmost takes the spare", []int{50, 69, 29, 8}, 80, []int{22, 22, 22, 8}},
		{"spare column by column", []int{50, 69, 29, 8}, 81, []int{23, 22, 22, 8}},
		{"narrow columns keep their width", []int{3, 40, 4}, 20, []int{3, 9, 4}},
		{"floors fit exactly", []int{50, 69, 29, 8}, 38, []int{8, 8, 8, 8}},
		{"below the floors: overflow", []int{50, 69, 29, 8}, 20, []int{8, 8, 8, 8}},
		{"one column", []int{100}, 30, []int{30}},
		{"no columns", nil, 10, []int{}},
	} {
		got := fitWidths(c.natural, c.limit)
		if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("%s: fitWidths(%v, %d) = %v, want %v", c.name, c.natural, c.limit, got, c.want)
		}
	}
}

// TestFitWidthsFillsTheLine checks, for many widths, that a fitted
// table takes the whole line and no column grows or goes below its floor.
func TestFitWidthsFillsTheLine(t *testing.T) {
	natural := []int{12, 3, 40, 9, 25, 8}
	floor := 8 + 3 + 8 + 8 + 8 + 8 + 2*5
	full := sum(natural) + 2*5
	for limit := floor; limit <= full; limit++ {
		got := fitWidths(natural, limit)
		if total := sum(got) + 2*5; total != limit {
			t.Errorf("limit %d: widths %v take %d", limit, got, total)
		}
		for i, w := range got {
			if w > natural[i] || w < min(natural[i], minColumnWidth) {
				t.Errorf("limit %d: column %d is %d wide (natural %d)", limit, i, w, natural[i])
			}
		}
	}
}
