package sandbox

import "strings"

// route returns the handler of an endpoint (lower case, without the
// services prefix), nil when there is none. The endpoints wrapped in
// withParams also read their parameters from the query string, so that
// GET works as well as POST.
func route(endpoint string) handler {
	if h := dataRoute(endpoint); h != nil {
		return h
	}
	switch endpoint {
	case "metadata/describemetadata":
		return withParams((*Server).describeMetadata)
	case "metadata/listentities":
		return (*Server).listEntities
	case "authentication/logout":
		return (*Server).logout
	case "authentication/getsessioninfo":
		return (*Server).sessionInfo
	case "bulk/execute":
		return (*Server).bulk
	}
	if strings.HasPrefix(endpoint, "data/objects/") {
		return (*Server).objects
	}
	return nil
}

// dataRoute returns the handler of a data endpoint other than objects.
func dataRoute(endpoint string) handler {
	switch endpoint {
	case "data/query":
		return withParams((*Server).query)
	case "data/entityquery":
		return withParams((*Server).entityQueryHandler)
	case "data/aggregatequery":
		return withParams((*Server).aggregateHandler)
	case "data/relationquery":
		return withParams((*Server).relationHandler)
	case "data/countquery":
		return withParamsWrapped((*Server).countHandler, "query")
	}
	return nil
}
