package cli

import (
	"encoding/json"
	"fmt"
	"io"
)

// The result formats of `czql run`.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// resultFormats lists the values --format accepts, for usage errors.
var resultFormats = []string{formatTable, formatJSON, formatJSONL, formatCSV}

// rowWriter renders the rows of one query result. Rows arrive as the JSON
// objects the API returned; Close ends the result (the table is written
// then, the JSON array closed, buffers flushed).
type rowWriter interface {
	writeRow(row json.RawMessage) error
	close() error
}

// newRowWriter returns the writer of format for a result with columns
// cols, writing to w.
func newRowWriter(format string, w io.Writer, cols []column) (rowWriter, error) {
	switch format {
	case formatTable:
		return &tableWriter{w: w, cols: cols}, nil
	case formatJSON:
		return &jsonWriter{w: w}, nil
	case formatJSONL:
		return &jsonlWriter{w: w}, nil
	case formatCSV:
		return newCSVWriter(w, cols), nil
	}
	return nil, fmt.Errorf("unknown format %q (want table, json, jsonl or csv)", format)
}
