package repl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/czql/czql/api"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/render"
)

// showPage fetches and prints up to limit rows of the pending result,
// in one API call at most (0 means all of them, page after page), then a
// footer with the row count and, when rows
// are left, the hint to continue. While the rows are fetched a row
// counter shows on standard error, with [Config.Progress]. It reports
// false when the fetch or the output failed. The end of ctx cancels the
// fetch: before any page arrived, it ends the result; after, the rows
// that arrived are shown and \more and \all go on from the page that did
// not.
func (s *Session) showPage(ctx context.Context, limit int) bool {
	p := s.pager
	defer p.during(ctx)()
	counter := s.newRowCounter()
	rows, err := takeRows(p, limit, counter.update)
	more := p.more()
	counter.clear()
	interrupted := errors.Is(err, errInterrupted) && p.started
	if interrupted {
		s.failed, err = true, nil // cut short, as a cancelled statement is
	}
	if err != nil {
		s.failed = true
		frontend.ReportError(s.cfg.Stderr, err)
		s.dropPager()
		return false
	}
	if interrupted && len(rows) == 0 {
		s.notef("%s", footer(0, true, more))
		return true
	}
	if tabular := s.format == "table" || s.format == "csv"; tabular {
		if s.shown {
			s.write("\n")
		}
		s.shown = true
	}
	if err := s.render(p.body, rows); err != nil {
		s.errorf("writing the result: %v", err)
		s.dropPager()
		return false
	}
	s.notef("%s", footer(len(rows), interrupted, more))
	if !more {
		s.dropPager()
	}
	return true
}

// takeRows pulls up to limit rows of p from one page, the rows left of
// the last page fetched or else the next page, or every row when limit is
// 0, telling fetched the number of rows pulled after each.
func takeRows(p *pager, limit int, fetched func(n int)) ([]json.RawMessage, error) {
	var rows []json.RawMessage
	for limit == 0 || len(rows) < limit {
		if limit > 0 && len(rows) > 0 && p.buffered() == 0 {
			break // the next page waits for \more
		}
		row, ok, err := p.pull()
		if err != nil || !ok {
			return rows, err
		}
		rows = append(rows, row)
		fetched(len(rows))
	}
	return rows, nil
}

// footer is the line after a result: "3 rows", "1 row",
// "100 rows, more available: \more", or after a cancelled fetch
// "250 rows, interrupted, more available: \more".
func footer(n int, interrupted, more bool) string {
	text := fmt.Sprintf("%d rows", n)
	if n == 1 {
		text = "1 row"
	}
	if interrupted {
		text += ", interrupted"
	}
	if more {
		text += `, more available: \more`
	}
	return text
}

// dropPager stops the pending result, if any.
func (s *Session) dropPager() {
	if s.pager != nil {
		s.pager.close()
		s.pager = nil
	}
}

// render writes rows of the result of body in the session's format,
// through the pager when they do not fit the screen (see pages). A
// table is fitted to the display width, and written vertically when \x
// is on, or auto and the table would be wider than the display (see
// render.Options).
func (s *Session) render(body api.Body, rows []json.RawMessage) error {
	opts := render.Options{Width: s.width(), Expanded: s.expanded, PickList: frontend.PickLists(s.Metadata())}
	var b bytes.Buffer
	if err := render.WriteRows(&b, s.format, body, rows, opts); err != nil {
		return err
	}
	return s.writeResult(b.Bytes())
}
