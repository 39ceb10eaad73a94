package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/czql/czql/api"
)

// column is one column of a result: of a table, vertical display or CSV.
type column struct {
	name     string   // the header: "Name", "Manager.Name", "Resources", "Cnt"
	path     []string // the keys to follow in a row object
	relation bool     // a relation sub-select, summarised as "3 Resources"
}

// columnsOf returns the columns of the result of the request body: the
// fields of an entity query, then its relations; or the group fields of
// an aggregate query, then its aggregates. Other bodies have none.
func columnsOf(body api.Body) []column {
	var cols []column
	switch b := body.(type) {
	case *api.EntityQuery:
		for _, f := range b.Fields {
			cols = append(cols, fieldColumn(f))
		}
		for _, r := range b.Relations {
			cols = append(cols, column{name: r.Name, path: []string{r.Name}, relation: true})
		}
	case *api.AggregateQuery:
		for _, g := range b.GroupBy {
			cols = append(cols, fieldColumn(g))
		}
		for _, a := range b.Aggregations {
			cols = append(cols, fieldColumn(aggregateAlias(a)))
		}
	}
	return cols
}

// unionColumns returns the columns of the results of every body, each
// name once, in the order they first appear.
func unionColumns(bodies []api.Body) []column {
	var cols []column
	seen := map[string]bool{}
	for _, body := range bodies {
		for _, c := range columnsOf(body) {
			if !seen[c.name] {
				seen[c.name] = true
				cols = append(cols, c)
			}
		}
	}
	return cols
}

// fieldColumn is the column of a plain or dotted field.
func fieldColumn(name string) column {
	return column{name: name, path: strings.Split(name, ".")}
}

// aggregateAlias is the key of an aggregate in the result rows: its
// alias, or the API's default "<Function>_<FieldName>".
func aggregateAlias(a api.FieldAggregation) string {
	if a.Alias != "" {
		return a.Alias
	}
	return a.Function + "_" + a.FieldName
}

// rowCells decodes row and returns its cell text for each of cols, as
// the API encodes the values (see cellText).
func rowCells(cols []column, row json.RawMessage) ([]string, error) {
	return rowCellsWith(cols, row, cellText)
}

// rowCellsWith decodes row and returns the text that text gives the
// value of each of cols.
func rowCellsWith(cols []column, row json.RawMessage, text func(column, any) string) ([]string, error) {
	m, err := decodeRow(row)
	if err != nil {
		return nil, fmt.Errorf("decoding a row: %w", err)
	}
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = text(c, lookupPath(m, c.path))
	}
	return cells, nil
}

// decodeRow decodes a row object keeping numbers as written.
func decodeRow(row json.RawMessage) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(row))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// lookupPath follows path through the nested objects of row and returns
// the value found, or nil. Each key is looked up with lookupFold.
func lookupPath(row map[string]any, path []string) any {
	var v any = row
	for _, key := range path {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = lookupFold(obj, key)
	}
	return v
}

// lookupFold returns obj[key], matching the key without regard to case
// when there is no exact match, as the API's names do; the zero value
// when there is none.
func lookupFold[V any](obj map[string]V, key string) V {
	if v, ok := obj[key]; ok {
		return v
	}
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	var zero V
	return zero
}
