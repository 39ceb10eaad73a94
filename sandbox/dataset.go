package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Row is one entity: field name → value. Values are what JSON decoding
// with numbers kept as json.Number gives: string, json.Number, bool, nil,
// or map[string]any for Duration and Money. "id" holds the entity id.
type Row map[string]any

// ID returns the row's id, "" when it has none.
func (r Row) ID() string {
	s, _ := r["id"].(string)
	return s
}

// Dataset holds the rows of an organisation per entity type, looked up
// case-insensitively by type name.
type Dataset struct {
	tables map[string]*table // by lower-case type name
}

// table is the rows of one entity type.
type table struct {
	name string
	rows []Row
}

// NewDataset returns an empty dataset.
func NewDataset() *Dataset { return &Dataset{tables: map[string]*table{}} }

// Add appends rows of the entity type typeName.
func (d *Dataset) Add(typeName string, rows ...Row) {
	key := strings.ToLower(typeName)
	t := d.tables[key]
	if t == nil {
		t = &table{name: typeName}
		d.tables[key] = t
	}
	t.rows = append(t.rows, rows...)
}

// Rows returns the rows of typeName (not of its subtypes); the slice is
// shared.
func (d *Dataset) Rows(typeName string) []Row {
	if t := d.tables[strings.ToLower(typeName)]; t != nil {
		return t.rows
	}
	return nil
}

// TypeNames returns the entity types that have rows, sorted.
func (d *Dataset) TypeNames() []string {
	names := make([]string, 0, len(d.tables))
	for _, t := range d.tables {
		names = append(names, t.name)
	}
	sort.Strings(names)
	return names
}

// Len returns the number of rows of all types.
func (d *Dataset) Len() int {
	n := 0
	for _, t := range d.tables {
		n += len(t.rows)
	}
	return n
}

// LoadDataset reads a dataset file (see [DecodeDataset]).
func LoadDataset(path string) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d, err := DecodeDataset(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

// DecodeDataset reads the dataset format of the README (czql sandbox
// --data): {"entities": {"Task": [{"id": "/Task/t1", "Name": "…", …}], …}}.
// Every row must be an object with a string id of the form
// /<type>/<key> for its entity type, unique across the dataset. Syntax errors carry their line and column.
func DecodeDataset(r io.Reader) (*Dataset, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Entities map[string][]json.RawMessage `json:"entities"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, positioned(data, err)
	}
	if doc.Entities == nil {
		return nil, errors.New(`dataset: no "entities" object`)
	}
	d := NewDataset()
	seen := map[string]string{}
	for _, name := range sortedKeys(doc.Entities) {
		for i, raw := range doc.Entities[name] {
			row, err := decodeRow(raw)
			if err != nil {
				return nil, fmt.Errorf("dataset: entities.%s[%d]: %w", name, i, err)
			}
			id := strings.ToLower(row.ID())
			if prefix := "/" + strings.ToLower(name) + "/"; !strings.HasPrefix(id, prefix) || len(id) == len(prefix) {
				return nil, fmt.Errorf("dataset: entities.%s[%d]: id %q is not of the form /%s/<id>", name, i, row.ID(), name)
			}
			if prev, dup := seen[id]; dup {
				return nil, fmt.Errorf("dataset: entities.%s[%d]: duplicate id %q (also in %s)", name, i, row.ID(), prev)
			}
			seen[id] = name
			d.Add(name, row)
		}
	}
	return d, nil
}

func decodeRow(raw json.RawMessage) (Row, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var row Row
	if err := dec.Decode(&row); err != nil || row == nil {
		return nil, errors.New("not a JSON object")
	}
	if row.ID() == "" {
		return nil, errors.New(`no string "id"`)
	}
	return row, nil
}

// positioned adds the line and column of a JSON syntax error.
func positioned(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 {
		return fmt.Errorf("dataset: %w", err)
	}
	// Offset counts the bytes read including the offending one: report
	// the position of that byte.
	line, col := 1, 1
	for _, c := range data[:max(min(int(off), len(data))-1, 0)] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("dataset: %d:%d: %w", line, col, err)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
