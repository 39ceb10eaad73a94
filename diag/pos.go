package diag

import "fmt"

// Pos is a position in a source text.
//
// Offset is the 0-based byte offset and the source of truth; Line and Col are
// 1-based, Col counting bytes from the start of the line. The zero Pos is
// invalid (see [Pos.IsValid]).
type Pos struct {
	Offset int // 0-based byte offset
	Line   int // 1-based line
	Col    int // 1-based byte column
}

// IsValid reports whether p was set: Line is 1 or more.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as "line:col", or "-" when p is invalid.
func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Range is the half-open span [Start, End) of a piece of source text.
type Range struct {
	Start Pos // first byte
	End   Pos // just past the last byte
}

// IsValid reports whether r has a valid start and does not end before it.
func (r Range) IsValid() bool {
	return r.Start.IsValid() && r.End.IsValid() && r.End.Offset >= r.Start.Offset
}

// Len returns the length of r in bytes, or 0 for an invalid range.
func (r Range) Len() int {
	if !r.IsValid() {
		return 0
	}
	return r.End.Offset - r.Start.Offset
}

// Contains reports whether the byte offset off lies in r. An empty range
// contains its start offset, so a cursor at an insertion point is found.
func (r Range) Contains(off int) bool {
	if r.Len() == 0 {
		return off == r.Start.Offset
	}
	return off >= r.Start.Offset && off < r.End.Offset
}

// Cover returns the smallest range that contains both r and s. An invalid
// operand is ignored.
func (r Range) Cover(s Range) Range {
	switch {
	case !r.IsValid():
		return s
	case !s.IsValid():
		return r
	}
	out := r
	if s.Start.Offset < out.Start.Offset {
		out.Start = s.Start
	}
	if s.End.Offset > out.End.Offset {
		out.End = s.End
	}
	return out
}

// String formats r as "line:col-line:col".
func (r Range) String() string { return r.Start.String() + "-" + r.End.String() }
