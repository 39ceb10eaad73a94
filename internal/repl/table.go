package repl

import (
	"encoding/json"
	"github.com/czql/czql/api"
	"github.com/czql/czql/internal/render"
	"strings"

	"github.com/czql/czql/internal/cli"
)

// The table format of czql-repl: the columns of `czql run`'s table
// (cli.ResultHeader and cli.RowCells, with reference sub-fields such as
// Manager.Name as columns of their own), aligned on display widths,
// separated by two blanks, under a rule of '-', trailing blanks trimmed.
// Cells are kept on one line (see oneLine). On a display of limited
// width the widest columns are narrowed and their values cut with "…"
// (see fitWidths). The items of relation sub-selects follow their row as
// sub-tables, indented two blanks a level:
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

// grid is a result laid out for the table format.
type grid struct {
	header []string
	rows   []gridRow
}

// gridRow is one row of a grid and the sub-tables under it.
type gridRow struct {
	cells  []string
	nested []nestedGrid
}

// nestedGrid is the sub-table of one relation's items under a row.
type nestedGrid struct {
	label string // the relation's name above the sub-table, or "" for none
	grid  *grid
}

// renderTable renders rows of the result of body as a table fitted to
// width display columns (0: unlimited).
func renderTable(body api.Body, rows []json.RawMessage, width int) (string, error) {
	g, err := buildGrid(body, rows)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	writeGrid(&b, g, 0, width)
	return b.String(), nil
}

// buildGrid lays out rows of the result of body, with the sub-tables of
// their relation items.
func buildGrid(body api.Body, rows []json.RawMessage) (*grid, error) {
	g := &grid{header: oneLineAll(cli.ResultHeader(body))}
	rels := relationsOf(body)
	rowCells := cli.RowCellsFunc(body)
	for _, row := range rows {
		cells, err := rowCells(row)
		if err != nil {
			return nil, err
		}
		nested, err := nestedGrids(rels, row)
		if err != nil {
			return nil, err
		}
		g.rows = append(g.rows, gridRow{cells: oneLineAll(cells), nested: nested})
	}
	return g, nil
}

// oneLineAll applies oneLine to every cell, in place, and returns cells.
func oneLineAll(cells []string) []string {
	for i, c := range cells {
		cells[i] = render.OneLine(c)
	}
	return cells
}

// naturalWidths returns the display width of the widest cell of each
// column of g, header included.
func (g *grid) naturalWidths() []int {
	widths := make([]int, len(g.header))
	for i, h := range g.header {
		widths[i] = render.DisplayWidth(h)
	}
	for _, r := range g.rows {
		for i, c := range r.cells {
			widths[i] = max(widths[i], render.DisplayWidth(c))
		}
	}
	return widths
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
		line.WriteString(render.FitCell(cell, widths[i]))
	}
	b.WriteString(strings.TrimRight(line.String(), " "))
	b.WriteByte('\n')
}
