package api

// Body is the body of a query request: an *EntityQuery, *AggregateQuery,
// *RelationQuery, *CountQuery or *Query. It is sealed: only the request
// types of this package implement it, so that a translated request always
// holds one of them.
type Body interface {
	requestBody()
}

func (*EntityQuery) requestBody()    {}
func (*AggregateQuery) requestBody() {}
func (*RelationQuery) requestBody()  {}
func (*CountQuery) requestBody()     {}
func (*Query) requestBody()          {}

// WithPaging returns a shallow copy of body asking for the page p
// describes (an answer's paging: From is the next page's first row).
// A body that is not paged (a *CountQuery) comes back unchanged.
func WithPaging(body Body, p *Paging) Body {
	switch q := body.(type) {
	case *Query:
		cp := *q
		cp.Paging = p
		return &cp
	case *EntityQuery:
		cp := *q
		cp.Paging = p
		return &cp
	case *AggregateQuery:
		cp := *q
		cp.Paging = p
		return &cp
	case *RelationQuery:
		cp := *q
		cp.Paging = p
		return &cp
	}
	return body
}
