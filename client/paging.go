package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"

	"github.com/czql/czql/api"
)

// Request is a paged query body: one of *api.Query, *api.EntityQuery,
// *api.AggregateQuery or *api.RelationQuery.
type Request interface{}

// errEmptyPage stops paging when the server claims more rows but sends
// none, which would otherwise loop forever.
var errEmptyPage = errors.New("client: server reported hasMore with an empty page")

// RawPage is one page of a result with its rows kept as they came.
type RawPage struct {
	Entities []json.RawMessage `json:"entities"`
	Paging   *api.Paging       `json:"paging,omitempty"`
}

// HasMore reports whether the server said that more rows follow this
// page (paging.hasMore).
func (p *RawPage) HasMore() bool {
	return p.Paging != nil && p.Paging.HasMore != nil && *p.Paging.HasMore
}

// Pages runs req page by page, sending back the server's paging object
// unchanged while hasMore is true. An error ends the sequence. req is not
// modified.
func (c *Client) Pages(ctx context.Context, req Request) iter.Seq2[*api.QueryResponse, error] {
	return func(yield func(*api.QueryResponse, error) bool) {
		c.walk(ctx, req, func() any { return new(api.QueryResponse) }, func(v any) (*api.Paging, int, bool) {
			p := v.(*api.QueryResponse)
			return p.Paging, len(p.Entities), yield(p, nil)
		}, func(err error) { yield(nil, err) })
	}
}

// RawPages is [Client.Pages] with the rows of each page kept undecoded.
// A page is requested only when the previous one said hasMore and the
// caller asks for the next: stopping after the first page sends one
// request.
func (c *Client) RawPages(ctx context.Context, req Request) iter.Seq2[*RawPage, error] {
	return func(yield func(*RawPage, error) bool) {
		c.walk(ctx, req, func() any { return new(RawPage) }, func(v any) (*api.Paging, int, bool) {
			p := v.(*RawPage)
			return p.Paging, len(p.Entities), yield(p, nil)
		}, func(err error) { yield(nil, err) })
	}
}

// Rows runs req and yields its rows one at a time, page after page,
// stopping after maxRows rows (0 or less means no cap). The next page is
// requested only when rows are still wanted. An error ends the sequence.
func (c *Client) Rows(ctx context.Context, req Request, maxRows int) iter.Seq2[json.RawMessage, error] {
	return func(yield func(json.RawMessage, error) bool) {
		n := 0
		for p, err := range c.RawPages(ctx, req) {
			if err != nil {
				yield(nil, err)
				return
			}
			for _, row := range p.Entities {
				if capped(n, maxRows) || !yield(row, nil) {
					return
				}
				n++
			}
			if capped(n, maxRows) {
				return
			}
		}
	}
}

// capped reports whether n rows reach the cap maxRows (none when 0 or
// less).
func capped(n, maxRows int) bool { return maxRows > 0 && n >= maxRows }

// walk fetches pages of req into values made by alloc and hands each to
// page, which returns the page's paging, its row count and whether to go
// on. Errors go to fail.
func (c *Client) walk(ctx context.Context, req Request, alloc func() any, page func(any) (*api.Paging, int, bool), fail func(error)) {
	path, err := pathOf(req)
	if err != nil {
		fail(err)
		return
	}
	body := req
	for {
		v := alloc()
		if err := c.do(ctx, http.MethodPost, path, body, true, v); err != nil {
			fail(err)
			return
		}
		paging, rows, more := page(v)
		if !more || paging == nil || paging.HasMore == nil || !*paging.HasMore {
			return
		}
		if rows == 0 {
			fail(errEmptyPage)
			return
		}
		body = withPaging(req, paging)
	}
}

// pathOf returns the endpoint of a paged request.
func pathOf(req Request) (string, error) {
	path, ok := "", false
	switch q := req.(type) {
	case *api.Query:
		path, ok = api.PathQuery, q != nil
	case *api.EntityQuery:
		path, ok = api.PathEntityQuery, q != nil
	case *api.AggregateQuery:
		path, ok = api.PathAggregateQuery, q != nil
	case *api.RelationQuery:
		path, ok = api.PathRelationQuery, q != nil
	}
	if !ok {
		return "", fmt.Errorf("client: %T is not a paged request (or is nil)", req)
	}
	return path, nil
}

// withPaging returns a shallow copy of req carrying p (see
// [api.WithPaging]).
func withPaging(req Request, p *api.Paging) Request {
	if body, ok := req.(api.Body); ok {
		return api.WithPaging(body, p)
	}
	return req
}
