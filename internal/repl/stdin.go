package repl

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
)

// RunScript reads statements separated by ';' from r (a statement may
// span lines; the last one may lack its ';') and meta-commands on lines
// of their own starting with a backslash, and runs them in order until
// the end of r or \quit. It returns an error only when r cannot be read.
func (s *Session) RunScript(ctx context.Context, r io.Reader) error {
	br := bufio.NewReader(r)
	sp := newSplitter()
	for !s.quit && ctx.Err() == nil {
		line, err := br.ReadString('\n')
		if line != "" {
			s.feed(ctx, sp, line)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	if stmt := sp.flush(); stmt != "" && !s.quit && ctx.Err() == nil {
		s.ExecStatement(ctx, stmt)
	}
	return ctx.Err()
}

// feed runs line as a meta-command when it is one: a statement pending
// without its ';' runs first. Otherwise it adds line to the pending
// statement and runs the statements it completes. A line that starts
// with a backslash inside an unterminated string or comment is text.
func (s *Session) feed(ctx context.Context, sp *splitter, line string) {
	if strings.HasPrefix(strings.TrimSpace(line), `\`) && !sp.unterminated() {
		if stmt := sp.flush(); stmt != "" {
			s.ExecStatement(ctx, stmt)
		}
		sp.skip(line)
		if !s.quit && ctx.Err() == nil {
			s.ExecMeta(ctx, line)
		}
		return
	}
	for _, stmt := range sp.add(line) {
		if s.quit || ctx.Err() != nil {
			return
		}
		s.ExecStatement(ctx, stmt)
	}
}
