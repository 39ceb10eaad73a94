package render

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/czql/czql/api"
)

// Results writes the results of several statements, one after the
// other, as one output. Tables are separated by a blank line and JSON
// lines simply follow one another; json and csv still write one
// document: json an array of the statements' arrays of rows, csv one
// table whose first column, "statement", numbers the statements and
// whose other columns are those of every statement (cells a statement
// lacks are empty). With one statement the output is that of
// [NewWriter].
type Results struct {
	format string
	w      io.Writer
	bodies []api.Body
	opts   Options
	next   int        // the index of the next statement
	csv    *csvWriter // the one CSV table of several statements, or nil
}

// NewResults returns the Results of statements whose request bodies
// are bodies, in order, written to w in format (one of [Formats]).
func NewResults(format string, w io.Writer, bodies []api.Body, opts Options) (*Results, error) {
	if err := checkOptions(format, opts); err != nil {
		return nil, err
	}
	r := &Results{format: format, w: w, bodies: bodies, opts: opts}
	if format == formatCSV && r.several() {
		r.csv = newCSVWriter(w, unionColumns(bodies))
		r.csv.statementColumn = true
	}
	return r, nil
}

// several reports whether there is more than one statement.
func (r *Results) several() bool { return len(r.bodies) > 1 }

// Next begins the result of the next statement and returns the Writer
// of its rows; closing that Writer ends the statement's result. It is
// an error to call Next more often than there are statements.
func (r *Results) Next() (Writer, error) {
	i := r.next
	if i >= len(r.bodies) {
		return nil, errors.New("render: no statement left")
	}
	r.next++
	if r.csv != nil {
		r.csv.statement = i + 1
		return statementRows{r.csv}, nil
	}
	if err := r.separate(i); err != nil {
		return nil, err
	}
	return NewWriter(r.format, r.w, r.bodies[i], r.opts)
}

// separate writes what goes before the result of statement i: a blank
// line between tables, the opening bracket or comma of the JSON array of
// several statements.
func (r *Results) separate(i int) error {
	var sep string
	switch {
	case r.format == formatTable && i > 0:
		sep = "\n"
	case r.format == formatJSON && r.several() && i == 0:
		sep = "[\n"
	case r.format == formatJSON && r.several():
		sep = ",\n"
	default:
		return nil
	}
	_, err := io.WriteString(r.w, sep)
	return err
}

// Close ends the output: the CSV table or the JSON array of several
// statements.
func (r *Results) Close() error {
	switch {
	case r.csv != nil:
		return r.csv.Close()
	case r.format == formatJSON && r.several():
		_, err := io.WriteString(r.w, "]\n")
		return err
	}
	return nil
}

// statementRows writes the rows of one statement into the CSV table of
// several statements; closing it ends the statement, not the table.
type statementRows struct{ c *csvWriter }

// WriteRow writes the record of row.
func (s statementRows) WriteRow(row json.RawMessage) error { return s.c.WriteRow(row) }

// Close does nothing: [Results.Close] ends the table.
func (s statementRows) Close() error { return nil }
