package repl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/internal/cli"
)

// showPage fetches and prints up to limit rows of the pending result (0
// means all of them), then a footer with the row count and, when rows
// are left, the hint to continue. It reports false when the fetch or the
// output failed.
func (s *Session) showPage(limit int) bool {
	p := s.pager
	rows, err := takeRows(p, limit)
	var more bool
	if err == nil {
		more, err = p.more()
	}
	if err != nil {
		s.failed = true
		cli.ReportError(s.cfg.Stderr, err)
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

// takeRows pulls up to limit rows of p (every row when limit is 0).
func takeRows(p *pager, limit int) ([]json.RawMessage, error) {
	var rows []json.RawMessage
	for limit == 0 || len(rows) < limit {
		row, ok, err := p.pull()
		if err != nil || !ok {
			return rows, err
		}
		rows = append(rows, row)
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

// render writes rows of the result of body in the session's format:
// vertically when the format is table and \x is on, or auto and the
// table is wider than the display.
func (s *Session) render(body any, rows []json.RawMessage) error {
	if s.format != "table" || s.expanded == "off" {
		return writeRows(s.out, s.format, body, rows)
	}
	if s.expanded == "on" {
		return writeVertical(s.out, body, rows)
	}
	var buf bytes.Buffer
	if err := writeRows(&buf, s.format, body, rows); err != nil {
		return err
	}
	if w := s.width(); w > 0 && maxLineWidth(buf.String()) > w {
		return writeVertical(s.out, body, rows)
	}
	_, err := s.out.Write(buf.Bytes())
	return err
}

// writeRows writes rows with the renderer of `czql run`.
func writeRows(w io.Writer, format string, body any, rows []json.RawMessage) error {
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

// maxLineWidth is the width in runes of the longest line of text.
func maxLineWidth(text string) int {
	w := 0
	for line := range strings.Lines(text) {
		w = max(w, utf8.RuneCountInString(strings.TrimSuffix(line, "\n")))
	}
	return w
}
