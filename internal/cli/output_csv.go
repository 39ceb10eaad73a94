package cli

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// csvWriter writes RFC 4180 CSV: a header row of the flattened column
// names, then one record a row, cells made safe for spreadsheets.
type csvWriter struct {
	w      *csv.Writer
	cols   []column
	header bool

	// statementColumn adds a first column, "statement", holding the
	// number of the statement the row belongs to (several statements in
	// one table).
	statementColumn bool
	statement       int
}

// newCSVWriter returns a CSV writer for cols on w.
func newCSVWriter(w io.Writer, cols []column) *csvWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180 line breaks
	return &csvWriter{w: cw, cols: cols}
}

// writeHeader writes the header record once.
func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	names := make([]string, 0, len(c.cols)+1)
	if c.statementColumn {
		names = append(names, "statement")
	}
	for _, col := range c.cols {
		names = append(names, spreadsheetSafe(col.name))
	}
	return c.w.Write(names)
}

// writeRow writes the record of row.
func (c *csvWriter) writeRow(row json.RawMessage) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	cells, err := rowCells(c.cols, row)
	if err != nil {
		return err
	}
	for i := range cells {
		cells[i] = spreadsheetSafe(cells[i])
	}
	if c.statementColumn {
		cells = append([]string{strconv.Itoa(c.statement)}, cells...)
	}
	return c.w.Write(cells)
}

// close writes the header if no row did, and flushes.
func (c *csvWriter) close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// spreadsheetSafe prefixes a cell that a spreadsheet would read as a
// formula (starting with = + - @, a tab or a carriage return) with a
// single quote, the OWASP advice against CSV injection. Numbers such as
// -3.5 are left alone: they cannot be formulas.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) && !isNumber(s) {
		return "'" + s
	}
	return s
}

// isNumber reports whether s is a decimal number.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "InfinNaxX")
}
