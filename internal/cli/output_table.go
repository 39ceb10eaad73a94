package cli

import (
	"encoding/json"
	"github.com/czql/czql/internal/render"
	"io"
	"strings"
)

// tableWriter collects the rows and writes them as aligned columns when
// closed; a table needs every row to know the column widths.
type tableWriter struct {
	w    io.Writer
	cols []column
	rows [][]string
	done bool
}

// writeRow flattens row into the table's cells.
func (t *tableWriter) writeRow(row json.RawMessage) error {
	cells, err := rowCells(t.cols, row)
	if err != nil {
		return err
	}
	t.rows = append(t.rows, tableCells(cells))
	return nil
}

// rowCells decodes row and renders its cell for each column.
func rowCells(cols []column, row json.RawMessage) ([]string, error) {
	m, err := decodeRow(row)
	if err != nil {
		return nil, err
	}
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = cellText(c, lookupPath(m, c.path))
	}
	return cells, nil
}

// tableCells returns the cells of a table line: control characters
// escaped (a value cannot break the table or drive the terminal).
func tableCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = render.OneLine(c)
	}
	return out
}

// close writes the header, a rule and the rows, columns separated by two
// spaces and padded to the widest cell; trailing blanks are trimmed.
func (t *tableWriter) close() error {
	if t.done {
		return nil
	}
	t.done = true
	header := make([]string, len(t.cols))
	for i, c := range t.cols {
		header[i] = render.OneLine(c.name)
	}
	widths := columnWidths(header, t.rows)
	rule := make([]string, len(widths))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	var b strings.Builder
	writeTableLine(&b, header, widths)
	writeTableLine(&b, rule, widths)
	for _, r := range t.rows {
		writeTableLine(&b, r, widths)
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

// columnWidths returns the display width of each column (wide runes
// count two columns, combining marks none).
func columnWidths(header []string, rows [][]string) []int {
	widths := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, cell := range r {
			widths[i] = max(widths[i], render.DisplayWidth(cell))
		}
	}
	return widths
}

// writeTableLine writes one line of cells padded to widths.
func writeTableLine(b *strings.Builder, cells []string, widths []int) {
	var line strings.Builder
	for i, cell := range cells {
		if i > 0 {
			line.WriteString("  ")
		}
		line.WriteString(render.PadRight(cell, widths[i]))
	}
	b.WriteString(strings.TrimRight(line.String(), " "))
	b.WriteByte('\n')
}
