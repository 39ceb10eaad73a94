package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/translate"
)

// defaultPageSize is the API's page size when a query has no LIMIT.
const defaultPageSize = 100

// execute runs reqs in order, writing each result to standard output. It
// stops at the first failure. Tables are separated by a blank line; with
// several statements, json and csv still write one document: json an array
// of the statements' arrays of rows, csv one table whose first column,
// "statement", numbers the statements and whose other columns are those
// of every statement (cells a statement lacks are empty).
func execute(e *env, conn *frontend.Conn, reqs []*translate.Request, f *runFlags) int {
	several := len(reqs) > 1
	var shared *csvWriter
	if several && f.format == formatCSV {
		shared = newCSVWriter(e.stdout, unionColumns(reqs))
		shared.statementColumn = true
	}
	if several && f.format == formatJSON {
		fmt.Fprint(e.stdout, "[\n")
	}
	for i, req := range reqs {
		switch {
		case i > 0 && f.format == formatTable:
			fmt.Fprintln(e.stdout)
		case i > 0 && several && f.format == formatJSON:
			fmt.Fprint(e.stdout, ",\n")
		}
		w, err := newRowWriter(f.format, e.stdout, resultColumns(req.Body))
		if err != nil {
			return usageError(e, "run", err.Error())
		}
		if shared != nil {
			shared.statement = i + 1
			w = statementRows{shared}
		}
		if code := runRequest(e, conn, req, f, w); code != ExitOK {
			return code
		}
	}
	if shared != nil {
		if err := shared.close(); err != nil {
			return exitForError(e, &writeError{err})
		}
	}
	if several && f.format == formatJSON {
		fmt.Fprint(e.stdout, "]\n")
	}
	return ExitOK
}

// statementRows writes the rows of one statement into the shared CSV
// table of several statements; closing it ends the statement, not the
// table.
type statementRows struct{ c *csvWriter }

func (s statementRows) writeRow(row json.RawMessage) error { return s.c.writeRow(row) }
func (s statementRows) close() error                       { return nil }

// unionColumns returns the columns of every request's result, each name
// once, in the order they first appear.
func unionColumns(reqs []*translate.Request) []column {
	var cols []column
	seen := map[string]bool{}
	for _, req := range reqs {
		for _, c := range resultColumns(req.Body) {
			if !seen[c.name] {
				seen[c.name] = true
				cols = append(cols, c)
			}
		}
	}
	return cols
}

// runRequest sends one request and writes its rows with w: the first
// page, or with --all every page up to --max-rows. A note on standard
// error says when rows were left out.
func runRequest(e *env, conn *frontend.Conn, req *translate.Request, f *runFlags, w rowWriter) int {
	limit := pageSize(req.Body)
	if f.all {
		limit = f.maxRows
	}
	n, more, err := copyRows(e.ctx, conn.Client, req.Body, limit, w)
	if err != nil { // a table or CSV header alone would look like an empty result
		return exitForError(e, err)
	}
	if err := w.close(); err != nil {
		return exitForError(e, &writeError{err})
	}
	switch {
	case more && f.all:
		fmt.Fprintf(e.stderr, "-- stopped after %d rows (--max-rows): more rows available\n", n)
	case more:
		fmt.Fprintln(e.stderr, "-- more rows available: use --all")
	}
	return ExitOK
}

// writeError is a failure to write the output, as opposed to one of the
// API.
type writeError struct{ err error }

// Error returns the message of the underlying error.
func (w *writeError) Error() string { return w.err.Error() }

// copyRows writes up to limit rows of body's result to w as they arrive
// and reports how many it wrote and whether there were more.
func copyRows(ctx context.Context, c *client.Client, body api.Body, limit int, w rowWriter) (n int, more bool, err error) {
	for row, err := range c.Rows(ctx, body, limit+1) {
		if err != nil {
			return n, false, err
		}
		if n == limit {
			return n, true, nil
		}
		if err := w.writeRow(row); err != nil {
			return n, false, &writeError{err}
		}
		n++
	}
	return n, false, nil
}

// pageSize is the size of the first page of body: its LIMIT, or the API's
// default.
func pageSize(body api.Body) int {
	var p *api.Paging
	switch b := body.(type) {
	case *api.EntityQuery:
		p = b.Paging
	case *api.AggregateQuery:
		p = b.Paging
	}
	if p != nil && p.Limit != nil && *p.Limit > 0 {
		return *p.Limit
	}
	return defaultPageSize
}

// exitForError reports err and returns its exit code: [ExitUsage] for a
// failure to write the result, else as [frontend.ReportError] reports the
// failures of the API and the network.
func exitForError(e *env, err error) int {
	var werr *writeError
	if errors.As(err, &werr) {
		e.errorf("writing the result: %v", werr.err)
		return ExitUsage
	}
	return frontend.ReportError(e.stderr, err)
}
