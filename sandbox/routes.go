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
	case "metadata/describeentities":
		return withParams((*Server).describeEntities)
	case "metadata/describeentityrelations":
		return withParams((*Server).describeEntityRelations)
	case "metadata/listentities":
		return (*Server).listEntities
	case "authentication/logout":
		return (*Server).logout
	case "authentication/getsessioninfo":
		return (*Server).sessionInfo
	case "bulk/execute":
		return (*Server).bulk
	case "files/download":
		return withParams((*Server).download)
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
	case "data/search":
		return withParams((*Server).search)
	case "data/changestate":
		return withParams((*Server).changeState)
	case "data/getcalendarinfo":
		return withParams((*Server).calendarInfo)
	case "data/finduserquery":
		return withParams((*Server).findUserQuery)
	case "data/expensequery":
		return withParams((*Server).expenseQuery)
	case "data/timesheetquery":
		return withParams((*Server).timesheetQuery)
	}
	return nil
}
