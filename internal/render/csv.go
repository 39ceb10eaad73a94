package render

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// csvWriter writes RFC 4180 CSV: a header record of the column names,
// then one record a row, cells made safe for spreadsheets.
type csvWriter struct {
	out    *bufio.Writer
	rec    bytes.Buffer // the record being written
	enc    *csv.Writer  // quotes the fields of a record into rec
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
	c := &csvWriter{out: bufio.NewWriter(w), cols: cols}
	c.enc = csv.NewWriter(&c.rec)
	return c
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
	return c.write(names)
}

// WriteRow writes the record of row.
func (c *csvWriter) WriteRow(row json.RawMessage) error {
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
	return c.write(cells)
}

// write writes one record ended by CRLF, as RFC 4180 has it. The fields
// are quoted by encoding/csv without its UseCRLF, which would turn a
// line feed inside a field into CRLF and drop a lone carriage return:
// the field's own line breaks are kept as they are, and the CRLF is
// added here.
func (c *csvWriter) write(fields []string) error {
	c.rec.Reset()
	if err := c.enc.Write(fields); err != nil {
		return err
	}
	c.enc.Flush()
	if err := c.enc.Error(); err != nil {
		return err
	}
	record := bytes.TrimSuffix(c.rec.Bytes(), []byte("\n")) // encoding/csv's terminator
	if _, err := c.out.Write(record); err != nil {
		return err
	}
	_, err := c.out.WriteString("\r\n")
	return err
}

// Close writes the header if no row did, and flushes.
func (c *csvWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	return c.out.Flush()
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
