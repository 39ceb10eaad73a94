package api

// DefaultPageSize is the number of rows the API returns in a page when a
// request asks for no limit.
const DefaultPageSize = 100

// PageSize is the size of the first page of the result of b: the limit
// of its paging (a query's LIMIT), or [DefaultPageSize] when it sets
// none, or none above zero.
func PageSize(b Body) int {
	var p *Paging
	switch q := b.(type) {
	case *EntityQuery:
		p = q.Paging
	case *AggregateQuery:
		p = q.Paging
	case *RelationQuery:
		p = q.Paging
	case *Query:
		p = q.Paging
	}
	if p != nil && p.Limit != nil && *p.Limit > 0 {
		return *p.Limit
	}
	return DefaultPageSize
}
