package cli

import (
	"encoding/json"
	"strings"

	"github.com/czql/czql/api"
)

// column is one column of a table or CSV result.
type column struct {
	name     string   // the header: "Name", "Manager.Name", "Resources", "Cnt"
	path     []string // the keys to follow in a row object
	relation bool     // a relation sub-select, summarised as "3 Resources"
}

// resultColumns returns the columns of the result of the request body
// (an *api.EntityQuery or *api.AggregateQuery): the selected fields, then
// the relations; or the group fields, then the aggregates.
func resultColumns(body any) []column {
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

// fieldColumn is the column of a plain or dotted field.
func fieldColumn(name string) column {
	return column{name: name, path: strings.Split(name, ".")}
}

// aggregateAlias is the key of an aggregate in the result rows: its alias,
// or the API's default "<Function>_<FieldName>".
func aggregateAlias(a api.FieldAggregation) string {
	if a.Alias != "" {
		return a.Alias
	}
	return a.Function + "_" + a.FieldName
}

// lookupPath follows path through the nested objects of row and returns
// the value found, or nil. Keys match exactly first, then without regard
// to case, as the API's names do.
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

// decodeRow decodes a row object keeping numbers as written.
func decodeRow(row json.RawMessage) (map[string]any, error) {
	dec := json.NewDecoder(strings.NewReader(string(row)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}
