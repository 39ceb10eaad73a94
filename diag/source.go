package diag

import "sort"

// Source is a named source text with a table of line starts, used to turn
// byte offsets into positions and to fetch the line a diagnostic points at.
type Source struct {
	Name  string // file name as shown in diagnostics; "-" or "<query>" for stdin and -q
	Text  []byte
	lines []int // byte offset of the start of each line
}

// NewSource returns a Source for text with the given display name.
func NewSource(name string, text []byte) *Source {
	s := &Source{Name: name, Text: text, lines: []int{0}}
	for i, b := range text {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// Pos returns the position of byte offset off, clamped to [0, len(Text)].
func (s *Source) Pos(off int) Pos {
	off = max(0, min(off, len(s.Text)))
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	return Pos{Offset: off, Line: i + 1, Col: off - s.lines[i] + 1}
}

// Range returns the range of the byte span [start, end), clamped to the text.
func (s *Source) Range(start, end int) Range {
	return Range{Start: s.Pos(start), End: s.Pos(max(start, end))}
}

// LineCount returns the number of lines in the text; a text that does not
// end in a newline still counts its last line.
func (s *Source) LineCount() int { return len(s.lines) }

// Line returns the text of the 1-based line n without its line ending, or
// "" when n is out of range.
func (s *Source) Line(n int) string { return string(s.lineBytes(n)) }

// lineBytes is Line without a copy: the line as a part of s.Text.
func (s *Source) lineBytes(n int) []byte {
	if n < 1 || n > len(s.lines) {
		return nil
	}
	start := s.lines[n-1]
	end := len(s.Text)
	if n < len(s.lines) {
		end = s.lines[n] - 1
	}
	if end > start && s.Text[end-1] == '\r' {
		end--
	}
	return s.Text[start:end]
}
