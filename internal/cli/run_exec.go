package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/render"
	"github.com/czql/czql/translate"
)

// execute runs reqs in order, writing each result to standard output
// (see render.Results: with several statements json and csv still write
// one document). It stops at the first failure.
func execute(e *env, conn *frontend.Conn, reqs []*translate.Request, f *runFlags) int {
	bodies := make([]api.Body, len(reqs))
	for i, req := range reqs {
		bodies[i] = req.Body
	}
	opts := render.Options{Width: terminalWidth(e.stdout), PickList: frontend.PickLists(conn.Metadata)}
	results, err := render.NewResults(f.format, e.stdout, bodies, opts)
	if err != nil {
		return usageError(e, "run", err.Error())
	}
	for _, req := range reqs {
		w, err := results.Next()
		if err != nil {
			return exitForError(e, &writeError{err})
		}
		if code := runRequest(e, conn, req, f, w); code != ExitOK {
			return code
		}
	}
	if err := results.Close(); err != nil {
		return exitForError(e, &writeError{err})
	}
	return ExitOK
}

// runRequest sends one request and writes its rows with w: the first
// page, or with --all every page up to --max-rows. A note on standard
// error says when rows were left out.
func runRequest(e *env, conn *frontend.Conn, req *translate.Request, f *runFlags, w render.Writer) int {
	limit := api.PageSize(req.Body)
	if f.all {
		limit = f.maxRows
	}
	n, more, err := copyRows(e.ctx, conn.Client, req.Body, limit, f.all, w)
	if err != nil { // a table or CSV header alone would look like an empty result
		return exitForError(e, err)
	}
	if err := w.Close(); err != nil {
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

// copyRows writes up to limit rows of body's result to w as they arrive,
// from the first page only or, with follow, from as many pages as it
// takes, and reports how many it wrote and whether rows are left: rows
// of the last page it did not write, or that page's paging.hasMore. It
// never asks for a page only to learn whether there is one.
func copyRows(ctx context.Context, c *client.Client, body api.Body, limit int, follow bool, w render.Writer) (n int, more bool, err error) {
	for page, err := range c.RawPages(ctx, body) {
		if err != nil {
			return n, false, err
		}
		for _, row := range page.Entities {
			if n >= limit {
				return n, true, nil
			}
			if err := w.WriteRow(row); err != nil {
				return n, false, &writeError{err}
			}
			n++
		}
		if !follow || n >= limit || !page.HasMore() {
			return n, page.HasMore(), nil
		}
	}
	return n, false, nil
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
