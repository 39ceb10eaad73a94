package cli

import (
	"encoding/json"
	"fmt"
	"github.com/czql/czql/api"
	"io"
)

// This file is the small exported surface that czql-repl (internal/repl)
// reuses: the result rendering of `czql run`.

// ResultFormats lists the result formats of `czql run`: table, json,
// jsonl and csv.
func ResultFormats() []string { return append([]string(nil), resultFormats...) }

// RowWriter renders the rows of one result in one of [ResultFormats].
type RowWriter interface {
	// WriteRow adds one row, as the API returned it.
	WriteRow(row json.RawMessage) error
	// Close ends the result (a table is written then).
	Close() error
}

// NewRowWriter returns the writer of format for the result of the request
// body req, writing to w.
func NewRowWriter(format string, w io.Writer, body api.Body) (RowWriter, error) {
	rw, err := newRowWriter(format, w, resultColumns(body))
	if err != nil {
		return nil, err
	}
	return exportedWriter{rw}, nil
}

// exportedWriter adapts a rowWriter to [RowWriter].
type exportedWriter struct{ rw rowWriter }

// WriteRow adds one row.
func (x exportedWriter) WriteRow(row json.RawMessage) error { return x.rw.writeRow(row) }

// Close ends the result.
func (x exportedWriter) Close() error { return x.rw.close() }

// ResultHeader returns the column names of the result of body, as the
// table format shows them.
func ResultHeader(body api.Body) []string {
	cols := resultColumns(body)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// RowCells renders row as the table format's cells for the result of
// body, in the order of [ResultHeader].
func RowCells(body api.Body, row json.RawMessage) ([]string, error) {
	cells, err := rowCells(resultColumns(body), row)
	if err != nil {
		return nil, fmt.Errorf("decoding a row: %w", err)
	}
	return cells, nil
}

// PageSize is the size of the first page of a translated request body: its
// LIMIT, or the API's default of 100.
func PageSize(body api.Body) int { return pageSize(body) }

// LookupFold returns obj[key], matching the key without regard to case
// when there is no exact match, as `czql run` reads the API's rows.
func LookupFold[V any](obj map[string]V, key string) V { return lookupFold(obj, key) }
