package cli

import (
	"encoding/json"
	"fmt"
	"github.com/czql/czql/api"
)

// RelationColumns reports, for each column of [ResultHeader] of body,
// whether it is a relation sub-select (shown as a count such as
// "3 Resources"). The relation columns follow the field columns, in the
// order of the request's relations.
func RelationColumns(body api.Body) []bool {
	cols := resultColumns(body)
	relation := make([]bool, len(cols))
	for i, c := range cols {
		relation[i] = c.relation
	}
	return relation
}

// RowCellsFunc returns a function that renders a row of the result of
// body as [RowCells] does, the columns worked out once for all the rows.
func RowCellsFunc(body api.Body) func(row json.RawMessage) ([]string, error) {
	cols := resultColumns(body)
	return func(row json.RawMessage) ([]string, error) {
		cells, err := rowCells(cols, row)
		if err != nil {
			return nil, fmt.Errorf("decoding a row: %w", err)
		}
		return cells, nil
	}
}
