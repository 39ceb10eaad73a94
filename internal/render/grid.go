package render

import (
	"encoding/json"

	"github.com/czql/czql/api"
)

// grid is a result laid out for the table format and vertical display:
// the header and the cells of its rows, control characters escaped (see
// [OneLine]), and under each row the grids of its relations' items.
type grid struct {
	cols    []column
	rels    []api.Relation
	relCols []int // the column of each of rels
	header  []string
	rows    []gridRow
	// pickList says whether an entity is a pick list (see
	// [Options.PickList]); nil for none.
	pickList func(typeName string) bool
}

// gridRow is one row of a grid and the grids of its relations' items.
type gridRow struct {
	cells  []string
	nested []nestedGrid
}

// nestedGrid holds the items of one relation of a row.
type nestedGrid struct {
	column int    // the row's column of the relation
	label  string // the relation's name above its sub-table, or "" for none
	grid   *grid
}

// newGrid returns an empty grid for the result of body; pickList (nil
// for none) says which entities are pick lists.
func newGrid(body api.Body, pickList func(string) bool) *grid {
	cols := columnsOf(body)
	g := &grid{cols: cols, rels: relationsOf(body), header: make([]string, len(cols)), pickList: pickList}
	for i, c := range cols {
		g.header[i] = OneLine(c.name)
		if c.relation {
			g.relCols = append(g.relCols, i)
		}
	}
	return g
}

// add appends row, with the grids of its relation items. Its values are
// made readable (see readableCell).
func (g *grid) add(row json.RawMessage) error {
	cells, err := rowCellsWith(g.cols, row, func(c column, v any) string { return readableCell(c, v, g.pickList) })
	if err != nil {
		return err
	}
	for i, c := range cells {
		cells[i] = OneLine(c)
	}
	nested, err := g.nestedGrids(row)
	if err != nil {
		return err
	}
	g.rows = append(g.rows, gridRow{cells: cells, nested: nested})
	return nil
}

// nestedGrids returns the grids of the items of each relation of row
// that has any. They are labelled with the relation's name when there
// are several relations.
func (g *grid) nestedGrids(row json.RawMessage) ([]nestedGrid, error) {
	all, err := relationItems(g.rels, row)
	if err != nil {
		return nil, err
	}
	var nested []nestedGrid
	for i, items := range all {
		if len(items) == 0 {
			continue
		}
		sub := newGrid(relationBody(g.rels[i]), g.pickList)
		for _, item := range items {
			if err := sub.add(item); err != nil {
				return nil, err
			}
		}
		label := ""
		if len(g.rels) > 1 {
			label = g.rels[i].Name
		}
		nested = append(nested, nestedGrid{column: g.relCols[i], label: label, grid: sub})
	}
	return nested, nil
}

// naturalWidths returns the display width of the widest cell of each
// column of g, header included.
func (g *grid) naturalWidths() []int {
	widths := make([]int, len(g.header))
	for i, h := range g.header {
		widths[i] = DisplayWidth(h)
	}
	for _, r := range g.rows {
		for i, c := range r.cells {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	return widths
}
