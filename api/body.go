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
