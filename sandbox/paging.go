package sandbox

import "github.com/czql/czql/api"

// DefaultLimit is the page size when a request gives none.
const DefaultLimit = 100

// MaxLimit is the largest page the sandbox returns: a request asking for
// more rows gets MaxLimit of them, its answer's paging says so (limit
// MaxLimit, hasMore when rows remain), and a client that passes that
// paging back, as the API asks, reads the rest. The API documents no
// maximum; 5000 is the largest page seen in production code
// (czql-reference.md §5).
const MaxLimit = 5000

// window reads a request's paging: the first row and the page size.
// Missing or non-positive limits mean [DefaultLimit], larger ones than
// [MaxLimit] mean MaxLimit; a negative from means 0.
func window(p *api.Paging) (from, limit int) {
	from, limit = 0, DefaultLimit
	if p == nil {
		return
	}
	if p.From != nil && *p.From > 0 {
		from = *p.From
	}
	if p.Limit != nil && *p.Limit > 0 {
		limit = min(*p.Limit, MaxLimit)
	}
	return
}

// pageOf cuts the page [from, from+limit) out of n rows and returns its
// bounds and the response paging: from is the next page's offset, as the
// real API answers. The bounds never overflow: from is cut to n before
// the limit (at most MaxLimit) is added.
func pageOf(n int, p *api.Paging) (lo, hi int, out *api.Paging) {
	from, limit := window(p)
	lo = min(from, n)
	hi = lo + min(limit, n-lo)
	next, more := hi, hi < n
	return lo, hi, &api.Paging{From: &next, Limit: &limit, HasMore: &more}
}

// mergePaging lets a request body's paging override the paging that the
// CZQL text's LIMIT and OFFSET gave, field by field.
func mergePaging(fromText, body *api.Paging) *api.Paging {
	if body == nil {
		return fromText
	}
	if fromText == nil {
		return body
	}
	out := *fromText
	if body.From != nil {
		out.From = body.From
	}
	if body.Limit != nil {
		out.Limit = body.Limit
	}
	return &out
}
