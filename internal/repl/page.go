package repl

import (
	"context"
	"encoding/json"
	"iter"

	"github.com/czql/czql/client"
)

// pager holds a running result: the rows not shown yet, fetched page by
// page as they are pulled.
type pager struct {
	body any
	next func() (json.RawMessage, error, bool)
	stop func()
	peek json.RawMessage // a row pulled to learn whether there are more
	done bool
}

// newPager starts the result of body; no request is sent before the
// first row is pulled.
func newPager(ctx context.Context, c *client.Client, body any) *pager {
	next, stop := iter.Pull2(c.Rows(ctx, body, 0))
	return &pager{body: body, next: next, stop: stop}
}

// pull returns the next row; ok is false at the end of the result.
func (p *pager) pull() (row json.RawMessage, ok bool, err error) {
	if p.peek != nil {
		row, p.peek = p.peek, nil
		return row, true, nil
	}
	if p.done {
		return nil, false, nil
	}
	row, err, ok = p.next()
	if !ok || err != nil {
		p.close()
	}
	return row, ok && err == nil, err
}

// more reports whether a row is left, pulling it ahead when needed.
func (p *pager) more() (bool, error) {
	if p.peek != nil {
		return true, nil
	}
	row, ok, err := p.pull()
	p.peek = row
	return ok, err
}

// close stops the result.
func (p *pager) close() {
	p.done = true
	p.stop()
}
