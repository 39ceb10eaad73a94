package render

// minColumnWidth is the narrowest a fitted column gets: a column is cut
// down to min(its natural width, minColumnWidth) at the most, so that a
// cut value keeps 7 columns of text and its "…". When even those
// minimums do not fit, the table overflows the display instead.
const minColumnWidth = 8

// columnGap is the blank between two columns.
const columnGap = "  "

// fitWidths returns the widths of columns whose natural (widest cell)
// widths are natural, fitted to a line of limit columns (0 or less:
// unlimited). When the table is too wide, the widest columns are
// narrowed first: every column is capped at the largest common width
// that fits, and the columns at the cap take what is left over one
// column each, leftmost first. No column goes below its floor
// (min(natural, minColumnWidth)).
func fitWidths(natural []int, limit int) []int {
	widths := append([]int(nil), natural...)
	budget := limit - len(columnGap)*(len(natural)-1)
	if limit <= 0 || sum(widths) <= budget {
		return widths
	}
	floors := make([]int, len(natural))
	for i, n := range natural {
		floors[i] = min(n, minColumnWidth)
	}
	if sum(floors) >= budget {
		return floors
	}
	ceiling := largestCap(natural, floors, budget)
	spare := budget - cappedTotal(natural, floors, ceiling)
	for i, n := range natural {
		widths[i] = max(floors[i], min(n, ceiling))
		if spare > 0 && n > ceiling && widths[i] == ceiling {
			widths[i]++
			spare--
		}
	}
	return widths
}

// largestCap is the largest width c such that capping every column at c
// (but not below its floor) fits in budget. The floors are known to fit.
func largestCap(natural, floors []int, budget int) int {
	lo, hi := 0, maxOf(natural) // cappedTotal(lo) fits, cappedTotal(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if cappedTotal(natural, floors, mid) <= budget {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// cappedTotal is the total width of the columns capped at c, each at
// least its floor.
func cappedTotal(natural, floors []int, c int) int {
	total := 0
	for i, n := range natural {
		total += max(floors[i], min(n, c))
	}
	return total
}

// sum is the sum of ns.
func sum(ns []int) int {
	total := 0
	for _, n := range ns {
		total += n
	}
	return total
}

// maxOf is the largest of ns, or 0.
func maxOf(ns []int) int {
	m := 0
	for _, n := range ns {
		m = max(m, n)
	}
	return m
}
