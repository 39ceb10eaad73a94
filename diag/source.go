package diag

// Source is a named source text with a table of line starts, used to turn
// byte offsets into positions and to fetch the line a diagnostic points at.
type Source struct {
	Name  string // file name as shown in diagnostics; "-" or "<query>" for stdin and -q
	Text  []byte
	lines *LineTable
}

// NewSource returns a Source for text with the given display name.
func NewSource(name string, text []byte) *Source {
	return &Source{Name: name, Text: text, lines: NewLineTableOf(string(text))}
}

// Pos returns the position of byte offset off, clamped to [0, len(Text)].
func (s *Source) Pos(off int) Pos { return s.lines.posOf(max(0, min(off, len(s.Text)))) }

// Range returns the range of the byte span [start, end), clamped to the text.
func (s *Source) Range(start, end int) Range {
	return Range{Start: s.Pos(start), End: s.Pos(max(start, end))}
}

// LineCount returns the number of lines in the text; a text that does not
// end in a newline still counts its last line.
func (s *Source) LineCount() int { return len(s.lines.starts) }

// Line returns the text of the 1-based line n without its line ending, or
// "" when n is out of range.
func (s *Source) Line(n int) string { return string(s.lineBytes(n)) }

// lineBytes is Line without a copy: the line as a part of s.Text.
func (s *Source) lineBytes(n int) []byte {
	starts := s.lines.starts
	if n < 1 || n > len(starts) {
		return nil
	}
	start := starts[n-1]
	end := len(s.Text)
	if n < len(starts) {
		end = starts[n] - 1
	}
	if end > start && s.Text[end-1] == '\r' {
		end--
	}
	return s.Text[start:end]
}
