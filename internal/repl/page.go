package repl

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
)

// errInterrupted is what a pull returns when the fetch of a page was
// cancelled (a Ctrl+C): the pager stays usable and fetches that page
// again when rows are pulled next. It is a [context.Canceled], which is
// reported silently.
var errInterrupted = fmt.Errorf("fetch interrupted: %w", context.Canceled)

// pager holds a running result: the rows of the last page fetched that
// are not shown yet, and whether the server said more pages follow. A
// page is fetched only when its rows are pulled, never to learn whether
// there is one: that is the answer's paging.hasMore.
type pager struct {
	client  *client.Client
	body    api.Body // the statement's request
	resume  api.Body // the request of the next page: body, then with the last answer's paging
	ctx     context.Context
	cancel  context.CancelFunc // ends ctx, the pager's own context
	next    func() (*client.RawPage, error, bool)
	stop    func()
	rows    []json.RawMessage // rows of the last page fetched not pulled yet
	started bool              // a page has been fetched
	hasMore bool              // the last page fetched said more follow
	done    bool
}

// newPager starts the result of body; no request is sent before the
// first row is pulled. The pager has a context of its own, since it
// outlives the statement that started it (\more and \all continue it);
// [pager.during] ties it to the context of each call that pulls rows.
func newPager(c *client.Client, body api.Body) *pager {
	p := &pager{client: c, body: body, resume: body}
	p.start()
	return p
}

// start begins fetching pages from the request p.resume, in a new
// context.
func (p *pager) start() {
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.next, p.stop = iter.Pull2(p.client.RawPages(p.ctx, p.resume))
}

// during makes the end of ctx (a Ctrl+C) cancel the pager's requests
// until the returned function is called.
func (p *pager) during(ctx context.Context) (release func()) {
	stop := context.AfterFunc(ctx, p.cancel)
	return func() { stop() }
}

// pull returns the next row, fetching the next page when the last one
// is used up and said more follow; ok is false at the end of the result.
func (p *pager) pull() (row json.RawMessage, ok bool, err error) {
	for len(p.rows) == 0 {
		if !p.more() {
			return nil, false, nil
		}
		if err := p.fetch(); err != nil {
			return nil, false, err
		}
	}
	row, p.rows = p.rows[0], p.rows[1:]
	return row, true, nil
}

// fetch requests the next page. When the pager's context ended during
// the request (see [pager.during]), it returns errInterrupted and is
// ready to request the same page again.
func (p *pager) fetch() error {
	page, err, ok := p.next()
	if err != nil && p.ctx.Err() != nil {
		p.stop()
		p.start()
		return errInterrupted
	}
	if !ok || err != nil {
		p.close()
		return err
	}
	p.started, p.rows, p.hasMore = true, page.Entities, page.HasMore()
	if p.hasMore {
		p.resume = api.WithPaging(p.body, page.Paging)
	}
	return nil
}

// buffered returns the number of rows fetched and not pulled yet.
func (p *pager) buffered() int { return len(p.rows) }

// more reports whether rows are left: fetched ones, or more pages by the
// last answer's paging.hasMore. It sends no request.
func (p *pager) more() bool {
	return len(p.rows) > 0 || !p.done && (!p.started || p.hasMore)
}

// close stops the result.
func (p *pager) close() {
	p.done, p.rows = true, nil
	p.stop()
	p.cancel()
}
