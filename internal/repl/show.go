package repl

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/czql/czql/api"
	"github.com/czql/czql/internal/render"
	"io"
	"strings"

	"github.com/czql/czql/internal/cli"
	"github.com/czql/czql/internal/frontend"
)

// showPage fetches and prints up to limit rows of the pending result (0
// means all of them), then a footer with the row count and, when rows
// are left, the hint to continue. While the rows are fetched a row
// counter shows on standard error, with [Config.Progress]. It reports
// false when the fetch or the output failed. The end of ctx cancels the
// fetch (and the result).
func (s *Session) showPage(ctx context.Context, limit int) bool {
	p := s.pager
	defer p.during(ctx)()
	counter := s.newRowCounter()
	rows, err := takeRows(p, limit, counter.update)
	var more bool
	if err == nil {
		more, err = p.more()
	}
	counter.clear()
	if err != nil {
		s.failed = true
		frontend.ReportError(s.cfg.Stderr, err)
		s.dropPager()
		return false
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
	s.notef("%s", footer(len(rows), more))
	if !more {
		s.dropPager()
	}
	return true
}

// takeRows pulls up to limit rows of p (every row when limit is 0),
// telling fetched the number of rows pulled after each.
func takeRows(p *pager, limit int, fetched func(n int)) ([]json.RawMessage, error) {
	var rows []json.RawMessage
	for limit == 0 || len(rows) < limit {
		row, ok, err := p.pull()
		if err != nil || !ok {
			return rows, err
		}
		rows = append(rows, row)
		fetched(len(rows))
	}
	return rows, nil
}

// footer is the line after a result: "3 rows", "1 row", or
// "100 rows, more available: \more".
func footer(n int, more bool) string {
	text := fmt.Sprintf("%d rows", n)
	if n == 1 {
		text = "1 row"
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

// render writes rows of the result of body in the session's format.
// The table format is fitted to the display width (see renderTable);
// it is written vertically when \x is on, or auto and the table would be
// wider than the display.
func (s *Session) render(body api.Body, rows []json.RawMessage) error {
	width := s.width()
	switch {
	case s.format != "table":
		return writeRows(s.out, s.format, body, rows)
	case s.expanded == "on":
		return writeVertical(s.out, body, rows, width)
	case s.expanded == "auto" && width > 0:
		return s.renderAuto(body, rows, width)
	}
	text, err := renderTable(body, rows, width)
	if err != nil {
		return err
	}
	_, err = io.WriteString(s.out, text)
	return err
}

// renderAuto writes rows as a table when it fits in width without
// cutting anything, vertically otherwise.
func (s *Session) renderAuto(body api.Body, rows []json.RawMessage, width int) error {
	text, err := renderTable(body, rows, 0)
	if err != nil {
		return err
	}
	if maxLineWidth(text) > width {
		return writeVertical(s.out, body, rows, width)
	}
	_, err = io.WriteString(s.out, text)
	return err
}

// writeRows writes rows with the renderer of `czql run`.
func writeRows(w io.Writer, format string, body api.Body, rows []json.RawMessage) error {
	rw, err := cli.NewRowWriter(format, w, body)
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

// maxLineWidth is the display width of the longest line of text.
func maxLineWidth(text string) int {
	w := 0
	for line := range strings.Lines(text) {
		w = max(w, render.DisplayWidth(strings.TrimSuffix(line, "\n")))
	}
	return w
}
