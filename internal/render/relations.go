package render

import (
	"bytes"
	"encoding/json"

	"github.com/czql/czql/api"
)

// Relation sub-selects (SELECT Name, (SELECT Name, Email FROM Resources)
// FROM Task) come back as a key of each row holding the related items,
// {"entities": […]} or, from some servers, a bare array. The row's
// relation column shows their count ("2 Resources"); the table format
// then lists the items under the row as an indented sub-table of the
// relation's fields, and vertical display as "Resources[1].Name" lines.

// relationsOf returns the relation sub-selects of the request body: those
// of an entity query, none for any other body.
func relationsOf(body api.Body) []api.Relation {
	if q, ok := body.(*api.EntityQuery); ok {
		return q.Relations
	}
	return nil
}

// relationBody is a request body whose result columns are those of the
// items of rel: its fields (the id when it selects none) and its own
// relation sub-selects.
func relationBody(rel api.Relation) *api.EntityQuery {
	fields := rel.Fields
	if len(fields) == 0 {
		fields = []string{"id"}
	}
	return &api.EntityQuery{TypeName: rel.Name, Fields: fields, Relations: rel.Relations}
}

// relationItems returns the related items of each of rels in row, in
// the order of rels (nil when row has none for a relation).
func relationItems(rels []api.Relation, row json.RawMessage) ([][]json.RawMessage, error) {
	if len(rels) == 0 {
		return nil, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(row, &obj); err != nil {
		return nil, err
	}
	all := make([][]json.RawMessage, len(rels))
	for i, rel := range rels {
		items, err := itemsOf(lookupFold(obj, rel.Name))
		if err != nil {
			return nil, err
		}
		all[i] = items
	}
	return all, nil
}

// itemsOf decodes the value of a relation key: {"entities": […]}, a bare
// array, or nothing (no items). Any other value has no items, as the
// relation column counts none.
func itemsOf(v json.RawMessage) ([]json.RawMessage, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return nil, nil
	}
	switch v[0] {
	case '[':
		var items []json.RawMessage
		err := json.Unmarshal(v, &items)
		return items, err
	case '{':
		var result struct {
			Entities []json.RawMessage `json:"entities"`
		}
		err := json.Unmarshal(v, &result)
		return result.Entities, err
	}
	return nil, nil
}
