package diag

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// TextOptions controls how [WriteText] and [WriteList] render diagnostics.
type TextOptions struct {
	// Color turns on ANSI colours: a bold header, the severity word and the
	// carets in the severity's colour (red for errors, yellow for warnings,
	// cyan for infos). The renderer never looks at the terminal itself; set
	// Color only when the output is a terminal and NO_COLOR is unset.
	Color bool
}

// ANSI escape sequences used when [TextOptions.Color] is set.
const (
	ansiBold      = "\x1b[1m"
	ansiReset     = "\x1b[0m"
	ansiDefaultFg = "\x1b[39m"
)

// severityColor returns the ANSI colour sequence of s, or "" for none.
func severityColor(s Severity) string {
	switch s {
	case Error:
		return "\x1b[31m"
	case Warning:
		return "\x1b[33m"
	case Info:
		return "\x1b[36m"
	}
	return ""
}

// FormatLine formats d on one line as "path:line:col: severity[code]:
// message", the first line of [WriteText]'s output and the form editors'
// problem matchers and grep expect. Line and column are d.Range.Start's, the
// column counting bytes. The "path:" part is left out when path is empty,
// "line:col:" when the range has no valid start, and "[code]" when Code is
// empty.
func (d Diagnostic) FormatLine(path string) string {
	return location(path, d.Range.Start) + d.Severity.String() + codeSuffix(d.Code) + ": " + d.Message
}

// location returns the "path:line:col: " prefix of a header line.
func location(path string, p Pos) string {
	var parts []string
	if path != "" {
		parts = append(parts, path)
	}
	if p.IsValid() {
		parts = append(parts, strconv.Itoa(p.Line), strconv.Itoa(p.Col))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ":") + ": "
}

// codeSuffix returns "[code]", or "" when code is empty.
func codeSuffix(code string) string {
	if code == "" {
		return ""
	}
	return "[" + code + "]"
}

// WriteText renders d for a person reading a terminal:
//
//	q.czql:3:14: error[unknown-field]: entity "Task" has no field "DueDat"
//	   3 | SELECT Name, DueDat FROM Task
//	     |              ^^^^^^ did you mean "DueDate"?
//	     = The detail, when d has one.
//	     = help: the second and later suggestions, one line each
//	q.czql:1:1: note: a related range, with its own snippet
//	   1 | ...
//
// The header is [Diagnostic.FormatLine] with src.Name as the path. The
// source line is the one d.Range starts on and the carets cover the range up
// to the end of that line; an empty range gets one caret. Of a line wider
// than 200 display columns, 200 columns around the range are shown, with
// "…" where the line is cut. Carets are placed
// by display column: tabs expand to the next multiple of 4, a rune counts as
// one column (two for East Asian wide runes, none for combining marks), and
// invalid UTF-8 or control bytes are shown as U+FFFD. A range past the end
// of the text is clamped to it. When src is nil the snippet is replaced by
// "(source not available)"; a diagnostic whose range has no valid start gets
// no snippet at all. The first suggestion's message follows the carets; when
// there is no snippet every suggestion becomes a "help:" line.
//
// WriteText builds the whole text first and writes it with one call; it
// returns the error of that write.
func WriteText(w io.Writer, src *Source, d Diagnostic, opt TextOptions) error {
	p := printer{src: src, color: opt.Color}
	p.diagnostic(d)
	_, err := io.WriteString(w, p.b.String())
	return err
}

// WriteList renders every diagnostic of l in order as [WriteText] does,
// separated by blank lines. Nothing is written for an empty list.
func WriteList(w io.Writer, src *Source, l List, opt TextOptions) error {
	p := printer{src: src, color: opt.Color}
	for i, d := range l {
		if i > 0 {
			p.b.WriteByte('\n')
		}
		p.diagnostic(d)
	}
	_, err := io.WriteString(w, p.b.String())
	return err
}

// UTF16Col converts the 1-based byte column byteCol of line into a 1-based
// column counted in UTF-16 code units, as JSON consumers and the Language
// Server Protocol expect. byteCol is clamped to [1, len(line)+1]; a column
// inside a multi-byte rune maps to that rune's column, and each invalid
// UTF-8 byte counts as one unit (U+FFFD).
func UTF16Col(line string, byteCol int) int {
	end := min(max(byteCol-1, 0), len(line))
	units := 0
	for i := 0; i < end; {
		r, size := utf8.DecodeRuneInString(line[i:])
		if i+size > end {
			break
		}
		units += max(utf16.RuneLen(r), 1)
		i += size
	}
	return units + 1
}

// printer accumulates the rendering of diagnostics.
type printer struct {
	b     strings.Builder
	src   *Source
	color bool
	pad   int // width of the line-number column
}

// diagnostic renders d: header, snippet, detail, help lines, related notes.
func (p *printer) diagnostic(d Diagnostic) {
	p.pad = p.gutter(d)
	color := severityColor(d.Severity)
	p.header(d.Range.Start, d.Severity.String(), color, d.Code, d.Message)
	help := d.Suggestions
	label := ""
	if len(help) > 0 {
		label = help[0].Message
	}
	if p.snippet(d.Range, color, label) && len(help) > 0 {
		help = help[1:]
	}
	p.detail(d.Detail)
	for _, s := range help {
		p.line(strings.Repeat(" ", p.pad) + " = help: " + s.Message)
	}
	for _, r := range d.Related {
		p.header(r.Range.Start, "note", "", "", r.Message)
		p.snippet(r.Range, "", "")
	}
}

// gutter returns the width of the line-number column for d: three spaces
// of indentation plus the digits of the largest line number shown.
func (p *printer) gutter(d Diagnostic) int {
	n := p.shownLine(d.Range)
	for _, r := range d.Related {
		n = max(n, p.shownLine(r.Range))
	}
	return 3 + len(strconv.Itoa(max(n, 1)))
}

// shownLine returns the line number printed for r: its start line, clamped
// to the last line of the source.
func (p *printer) shownLine(r Range) int {
	if p.src == nil {
		return r.Start.Line
	}
	return min(r.Start.Line, p.src.LineCount())
}

// name returns the source name used in headers.
func (p *printer) name() string {
	if p.src == nil {
		return ""
	}
	return p.src.Name
}

// line writes s followed by a newline.
func (p *printer) line(s string) {
	p.b.WriteString(s)
	p.b.WriteByte('\n')
}

// header writes a "path:line:col: kind[code]: message" line, bold and with
// kind in color when colours are on.
func (p *printer) header(pos Pos, kind, color, code, msg string) {
	loc := location(p.name(), pos)
	if !p.color {
		p.line(loc + kind + codeSuffix(code) + ": " + msg)
		return
	}
	if color != "" {
		kind = color + kind + ansiDefaultFg
	}
	p.line(ansiBold + loc + kind + codeSuffix(code) + ": " + msg + ansiReset)
}

// snippet writes the numbered source line r starts on and the caret line
// under it, followed by label. It reports whether a snippet was written.
func (p *printer) snippet(r Range, color, label string) bool {
	if !r.Start.IsValid() {
		return false
	}
	if p.src == nil {
		p.line(strings.Repeat(" ", p.pad+1) + "(source not available)")
		return false
	}
	n := p.shownLine(r)
	text := p.src.lineBytes(n)
	start, end := underline(r, n, len(text))
	shown, col, width := window(text, start, end)
	p.line(strings.TrimRight(padInt(n, p.pad)+" | "+shown, " "))
	carets := strings.Repeat("^", width)
	if p.color && color != "" {
		carets = color + carets + ansiReset
	}
	if label != "" {
		carets += " " + label
	}
	p.line(strings.Repeat(" ", p.pad) + " | " + strings.Repeat(" ", col) + carets)
	return true
}

// The window of a long line shown in a snippet.
const (
	// maxShown is the number of display columns of a source line that a
	// snippet shows at most (give or take the width of the last rune),
	// around the range; "…" marks where the line is cut.
	maxShown = 200
	// windowBytes is how many bytes on either side of the range's start
	// are looked at: enough for maxShown columns, a rune of one column or
	// more taking at most 4 bytes. Runs of zero-width runes may leave fewer
	// columns shown. Looking no further keeps the cost of a snippet bounded
	// whatever the length of the line.
	windowBytes = 4 * maxShown
	// minContext is the number of columns shown before a range too wide
	// for the window.
	minContext = 20
)

// ellipsis marks where a long line is cut.
const ellipsis = "…"

// window returns the part of line shown for the carets of [start, end),
// with "…" at a cut end, and the column and width of the carets under it.
// A line of at most maxShown columns is shown whole; of a longer one,
// maxShown columns are shown around the range, centred on it when it fits,
// else from minContext columns before it, the carets stopping at the cut.
func window(line []byte, start, end int) (shown string, col, width int) {
	lo, hi := max(0, start-windowBytes), min(len(line), start+windowBytes)
	for k := 1; k < utf8.UTFMax && lo > 0 && !utf8.RuneStart(line[lo]); k++ {
		lo-- // not into a rune
	}
	for k := 1; k < utf8.UTFMax && hi < len(line) && !utf8.RuneStart(line[hi]); k++ {
		hi++
	}
	end = min(max(end, start), hi)
	text := string(line[lo:hi])
	expanded, cols := expand(text, 0)
	cs, ce, total := cols[start-lo], cols[end-lo], cols[len(text)]
	if lo == 0 && hi == len(line) && total <= maxShown {
		return expanded, cs, max(1, ce-cs)
	}
	left := (maxShown - min(max(1, ce-cs), maxShown-2*minContext)) / 2
	a := max(0, cs-left)
	b := a + maxShown
	if b > total {
		b = total
		a = max(0, b-maxShown)
	}
	// The runes from column a to column b, as expand decodes them.
	i0, i1 := -1, len(text)
	for i := 0; i < len(text); {
		if i0 < 0 && cols[i] >= a {
			i0 = i
		}
		if cols[i] >= b {
			i1 = i
			break
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	if i0 < 0 {
		i0 = i1
	}
	part, pcols := expand(text[i0:i1], cols[i0])
	col, width = cs-cols[i0], max(1, min(ce, pcols[len(pcols)-1])-cs)
	if lo+i0 > 0 {
		part = ellipsis + part
		col++
	}
	if lo+i1 < len(line) {
		part += ellipsis
	}
	return part, col, width
}

// underline returns the byte span of line n (of length lineLen) that the
// carets for r cover: r's part on its first line, clamped to the line. When
// n is not r's start line (r starts past the end of the text) the span is
// the empty one at the end of the line.
func underline(r Range, n, lineLen int) (start, end int) {
	if n != r.Start.Line {
		return lineLen, lineLen
	}
	start = min(max(r.Start.Col-1, 0), lineLen)
	end = start
	switch {
	case r.End.Line == r.Start.Line:
		end = min(max(r.End.Col-1, start), lineLen)
	case r.End.Line > r.Start.Line:
		end = lineLen
	}
	return start, end
}

// detail writes the detail text after "= ", continuation lines aligned
// under its first line.
func (p *printer) detail(detail string) {
	detail = strings.TrimRight(detail, "\n")
	if detail == "" {
		return
	}
	indent := strings.Repeat(" ", p.pad)
	for i, l := range strings.Split(detail, "\n") {
		prefix := " = "
		if i > 0 {
			prefix = "   "
		}
		p.line(strings.TrimRight(indent+prefix+strings.TrimSuffix(l, "\r"), " "))
	}
}

// padInt formats n right-aligned in width columns.
func padInt(n, width int) string {
	s := strconv.Itoa(n)
	if len(s) >= width {
		return s
	}
	return strings.Repeat(" ", width-len(s)) + s
}
