package render

import (
	"strings"
)

// The table format: the result's columns (reference sub-fields such as
// Manager.Name are columns of their own) aligned on display widths,
// separated by two blanks, under a rule of '-', trailing blanks
// trimmed. Cells are kept on one line (see [OneLine]). On a display of
// limited width the widest columns are narrowed and their values cut
// with "…" (see fitWidths). The items of relation sub-selects follow
// their row as sub-tables, indented two blanks a level:
//
//	Name    Resources
//	------  -----------
//	Build   1 Resources
//	  Name
//	  -------
//	  Sam Lee
//	Ship    0 Resources
//
// With several relations in the query, each sub-table is headed by a
// "Resources:" line at its indentation.

// nestIndent is how much further in a sub-table is than its parent row.
const nestIndent = 2

// tableText returns g as a table fitted to width display columns (0:
// unlimited).
func tableText(g *grid, width int) string {
	var b strings.Builder
	writeGrid(&b, g, 0, width)
	return b.String()
}

// writeGrid writes g indented by indent blanks and fitted to width
// display columns (0: unlimited), each row followed by its sub-tables
// nestIndent blanks further in.
func writeGrid(b *strings.Builder, g *grid, indent, width int) {
	widths := fitWidths(g.naturalWidths(), widthAfterIndent(width, indent))
	margin := strings.Repeat(" ", indent)
	writeTableLine(b, margin, g.header, widths)
	writeTableLine(b, margin, ruleCells(widths), widths)
	for _, r := range g.rows {
		writeTableLine(b, margin, r.cells, widths)
		for _, n := range r.nested {
			if n.label != "" {
				b.WriteString(margin + strings.Repeat(" ", nestIndent) + n.label + ":\n")
			}
			writeGrid(b, n.grid, indent+nestIndent, width)
		}
	}
}

// widthAfterIndent is the width left after indent blanks: unlimited (0)
// stays unlimited, and a limited width stays limited (at least 1).
func widthAfterIndent(width, indent int) int {
	if width <= 0 {
		return 0
	}
	return max(width-indent, 1)
}

// ruleCells returns the cells of the rule under the header.
func ruleCells(widths []int) []string {
	rule := make([]string, len(widths))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	return rule
}

// writeTableLine writes one line: margin, then the cells cut and padded
// to widths, separated by columnGap, trailing blanks trimmed.
func writeTableLine(b *strings.Builder, margin string, cells []string, widths []int) {
	var line strings.Builder
	line.WriteString(margin)
	for i, cell := range cells {
		if i > 0 {
			line.WriteString(columnGap)
		}
		line.WriteString(FitCell(cell, widths[i]))
	}
	b.WriteString(strings.TrimRight(line.String(), " "))
	b.WriteByte('\n')
}

// maxLineWidth is the display width of the longest line of text.
func maxLineWidth(text string) int {
	w := 0
	for line := range strings.Lines(text) {
		w = max(w, DisplayWidth(strings.TrimSuffix(line, "\n")))
	}
	return w
}

// Align returns rows of cells as lines of columns aligned on display
// widths, as the table format aligns them (two blanks between columns,
// trailing blanks trimmed, control characters escaped), without a rule,
// fitting or nesting: for listings that are not query results, such as
// the fields of an entity.
func Align(rows [][]string) string {
	lines := make([][]string, len(rows))
	var widths []int
	for i, r := range rows {
		lines[i] = make([]string, len(r))
		for j, cell := range r {
			lines[i][j] = OneLine(cell)
			if j == len(widths) {
				widths = append(widths, 0)
			}
			widths[j] = max(widths[j], DisplayWidth(lines[i][j]))
		}
	}
	var b strings.Builder
	for _, cells := range lines {
		writeTableLine(&b, "", cells, widths)
	}
	return b.String()
}
