package repl

import (
	"context"
	"encoding/json"
	"github.com/czql/czql/api"
	"iter"

	"github.com/czql/czql/client"
)

// pager holds a running result: the rows not shown yet, fetched page by
// page as they are pulled.
type pager struct {
	body   api.Body
	cancel context.CancelFunc // ends the pager's own context
	next   func() (json.RawMessage, error, bool)
	stop   func()
	peek   json.RawMessage // a row pulled to learn whether there are more
	done   bool
}

// newPager starts the result of body; no request is sent before the
// first row is pulled. The pager has a context of its own, since it
// outlives the statement that started it (\more and \all continue it);
// [pager.during] ties it to the context of each call that pulls rows.
func newPager(c *client.Client, body api.Body) *pager {
	ctx, cancel := context.WithCancel(context.Background())
	next, stop := iter.Pull2(c.Rows(ctx, body, 0))
	return &pager{body: body, cancel: cancel, next: next, stop: stop}
}

// during makes the end of ctx (a Ctrl+C) cancel the pager's requests
// until the returned function is called.
func (p *pager) during(ctx context.Context) (release func()) {
	stop := context.AfterFunc(ctx, p.cancel)
	return func() { stop() }
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
	p.cancel()
}
