package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/czql/czql/api"
)

// The result formats.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// Formats lists the result formats: table, json, jsonl and csv.
func Formats() []string { return []string{formatTable, formatJSON, formatJSONL, formatCSV} }

// Options tune the table format; the other formats ignore them.
type Options struct {
	// Width is the display width a table is fitted to, widest columns
	// cut first; 0 means unlimited.
	Width int
	// Expanded is vertical display: "off" (or "") for a table, "on" for
	// one block of "Field | value" lines a row, "auto" for a table when
	// it fits in Width without cutting anything and blocks otherwise.
	Expanded string
	// PickList reports whether the entity typeName is a pick list, whose
	// references (/State/Active) a table shows by their value (Active);
	// nil shows every reference by its id (or its Name when fetched).
	PickList func(typeName string) bool
}

// Writer renders the rows of one result. Rows arrive as the JSON objects
// the API returned; Close ends the result: a table is written then, a
// JSON array closed, buffers flushed.
type Writer interface {
	// WriteRow adds one row.
	WriteRow(row json.RawMessage) error
	// Close ends the result.
	Close() error
}

// NewWriter returns the Writer of format, one of [Formats], for the
// result of the request body, writing to w.
func NewWriter(format string, w io.Writer, body api.Body, opts Options) (Writer, error) {
	if err := checkOptions(format, opts); err != nil {
		return nil, err
	}
	switch format {
	case formatTable:
		return &tableWriter{w: w, g: newGrid(body, opts.PickList), opts: opts}, nil
	case formatJSON:
		return &jsonWriter{w: w}, nil
	case formatJSONL:
		return &jsonlWriter{w: w}, nil
	}
	return newCSVWriter(w, columnsOf(body)), nil
}

// checkOptions reports an unknown format or expanded mode.
func checkOptions(format string, opts Options) error {
	switch {
	case !isFormat(format):
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	case format == formatTable && !isExpanded(opts.Expanded):
		return fmt.Errorf("unknown expanded display %q (want off, on or auto)", opts.Expanded)
	}
	return nil
}

// isFormat reports whether format is one of [Formats].
func isFormat(format string) bool {
	switch format {
	case formatTable, formatJSON, formatJSONL, formatCSV:
		return true
	}
	return false
}

// isExpanded reports whether mode is a value of [Options.Expanded].
func isExpanded(mode string) bool {
	switch mode {
	case "", "off", "on", "auto":
		return true
	}
	return false
}

// WriteRows writes rows of the result of body to w in format, as a
// [Writer] from [NewWriter] does.
func WriteRows(w io.Writer, format string, body api.Body, rows []json.RawMessage, opts Options) error {
	rw, err := NewWriter(format, w, body, opts)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := rw.WriteRow(row); err != nil {
			return err
		}
	}
	return rw.Close()
}

// tableWriter lays the rows out as they arrive and writes them when
// closed: a table needs every row to know the column widths.
type tableWriter struct {
	w    io.Writer
	g    *grid
	opts Options
	done bool
}

// WriteRow adds row to the table.
func (t *tableWriter) WriteRow(row json.RawMessage) error { return t.g.add(row) }

// Close writes the table, or the vertical display.
func (t *tableWriter) Close() error {
	if t.done {
		return nil
	}
	t.done = true
	_, err := io.WriteString(t.w, t.text())
	return err
}

// text is the table or the vertical display, as opts ask.
func (t *tableWriter) text() string {
	width := t.opts.Width
	switch {
	case t.opts.Expanded == "on":
		return verticalText(t.g, width)
	case t.opts.Expanded == "auto" && width > 0:
		if text := tableText(t.g, 0); maxLineWidth(text) <= width {
			return text
		}
		return verticalText(t.g, width)
	}
	return tableText(t.g, width)
}
