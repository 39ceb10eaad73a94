package diag

import (
	"sort"
	"strings"
)

// LineTable maps byte offsets of a text to positions. It holds the offset
// of the start of every line; only '\n' starts a line, so CRLF counts once
// and a lone CR is part of its line, as everywhere in czql. The zero value
// is not usable: start from [NewLineTableOf].
type LineTable struct {
	starts []int // offset of the first byte of each line; starts[0] == 0
	last   int   // index of the line found last, to make forward scans cheap
}

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

// Pos returns the position of byte offset off (clamped at 0). It caches
// the line found last, so a table is not safe for concurrent use. Offsets past
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
	t.last = t.search(off)
	return t.last
}

// search returns the 0-based line of off by binary search, without the
// cache: safe for concurrent use.
func (t *LineTable) search(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off }) - 1
}

// posOf is Pos without the cache, for [Source], which callers may share
// between goroutines.
func (t *LineTable) posOf(off int) Pos {
	off = max(off, 0)
	i := t.search(off)
	return Pos{Offset: off, Line: i + 1, Col: off - t.starts[i] + 1}
}
