package diag

import (
	"sort"
	"strings"
)

// LineTable maps byte offsets of a text to positions. It holds the offset
// of the start of every line; only '\n' starts a line, so CRLF counts once
// and a lone CR is part of its line, as everywhere in czql. The zero value
// is not usable: start from [NewLineTable] or [NewLineTableOf].
type LineTable struct {
	starts []int // offset of the first byte of each line; starts[0] == 0
	last   int   // index of the line found last, to make forward scans cheap
}

// NewLineTable returns a table with the first line only, to be extended
// with [LineTable.AddLine] by a scanner as it meets line breaks.
func NewLineTable() *LineTable { return &LineTable{starts: []int{0}} }

// NewLineTableOf returns the complete table of text.
func NewLineTableOf(text string) *LineTable {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for off := 0; ; {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return &LineTable{starts: starts}
		}
		off += i + 1
		starts = append(starts, off)
	}
}

// AddLine records that a line starts at offset start. Offsets must be added
// in increasing order; one not after the last line start is ignored.
func (t *LineTable) AddLine(start int) {
	if start > t.starts[len(t.starts)-1] {
		t.starts = append(t.starts, start)
	}
}

// Lines returns the number of lines recorded.
func (t *LineTable) Lines() int { return len(t.starts) }

// Pos returns the position of byte offset off (clamped at 0). Offsets past
// the last recorded line start belong to the last line.
func (t *LineTable) Pos(off int) Pos {
	off = max(off, 0)
	i := t.line(off)
	return Pos{Offset: off, Line: i + 1, Col: off - t.starts[i] + 1}
}

// Range returns the range of the byte span [start, end).
func (t *LineTable) Range(start, end int) Range {
	return Range{Start: t.Pos(start), End: t.Pos(max(start, end))}
}

// line returns the 0-based line of off. Positions are mostly asked for in
// increasing order, so the line found last and the one after it are tried
// before a binary search.
func (t *LineTable) line(off int) int {
	n := len(t.starts)
	for _, i := range [2]int{t.last, t.last + 1} {
		if i < n && t.starts[i] <= off && (i+1 == n || off < t.starts[i+1]) {
			t.last = i
			return i
		}
	}
	t.last = sort.Search(n, func(i int) bool { return t.starts[i] > off }) - 1
	return t.last
}
