package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/czql/czql/api"
)

// paramKind is how a query-string or form parameter becomes JSON.
type paramKind int

const (
	paramString    paramKind = iota // a string (an array of strings when repeated)
	paramList                       // an array: comma-separated and repeated values
	paramJSON                       // JSON text (relaxed)
	paramCondition                  // JSON text when it starts with {, else CZQL text; empty is none
	paramBool                       // true/false, 1/0, in any case
)

// paramKinds gives the kind of the parameters that are not strings, by
// lower-case name. The reference (czql-reference.md §7.3) says the query
// endpoints take GET as well as POST, with arrays comma-joined.
var paramKinds = map[string]paramKind{
	"fields": paramList, "typenames": paramList, "flags": paramList, "groupby": paramList,
	"ids": paramList, "workitems": paramList,
	"where":  paramCondition,
	"orders": paramJSON, "paging": paramJSON, "relations": paramJSON, "aggregations": paramJSON,
	"query": paramJSON, "parameters": paramJSON,
	"deleted": paramBool, "originalexternalid": paramBool, "fromlink": paramBool,
	"fuzzysearchusername": paramBool, "includesuspendedusers": paramBool,
	"iamtheapprover": paramBool, "redirect": paramBool,
}

// paramsJSON returns the parameters of a query string or a form as a JSON
// object. When wrap is set and no parameter is named wrap, the object is
// wrapped as {wrap: object} (countQuery takes its query's parameters).
func paramsJSON(values url.Values, wrap string) ([]byte, error) {
	obj := make(map[string]json.RawMessage, len(values))
	for name := range values {
		v, err := paramValue(name, values[name])
		if err != nil {
			return nil, err
		}
		obj[name] = v
	}
	if wrap != "" && !hasFold(obj, wrap) {
		inner, err := json.Marshal(obj)
		if err != nil {
			return nil, err
		}
		obj = map[string]json.RawMessage{wrap: inner}
	}
	return json.Marshal(obj)
}

// paramValue converts the values of one parameter to JSON.
func paramValue(name string, vals []string) (json.RawMessage, error) {
	last := vals[len(vals)-1]
	switch paramKinds[strings.ToLower(name)] {
	case paramList:
		return listParam(vals)
	case paramJSON:
		return jsonParam(name, last)
	case paramCondition:
		switch trimmed := strings.TrimSpace(last); {
		case trimmed == "":
			return json.RawMessage("null"), nil // no condition
		case strings.HasPrefix(trimmed, "{"):
			return jsonParam(name, last)
		}
		return json.Marshal(last)
	case paramBool:
		switch strings.ToLower(strings.TrimSpace(last)) {
		case "true", "1":
			return json.RawMessage("true"), nil
		case "false", "0", "":
			return json.RawMessage("false"), nil
		}
		return nil, errorf(codeInvalidArgument, "parameter %s must be true or false, not %q", name, last)
	}
	if len(vals) == 1 {
		return json.Marshal(last)
	}
	return json.Marshal(vals)
}

// listParam joins comma-separated and repeated values into an array; a
// single value written as a JSON array is read as one.
func listParam(vals []string) (json.RawMessage, error) {
	if len(vals) == 1 && strings.HasPrefix(strings.TrimSpace(vals[0]), "[") {
		if out, err := api.StrictJSON([]byte(strings.TrimSpace(vals[0]))); err == nil {
			return out, nil
		}
	}
	items := []string{}
	for _, v := range vals {
		items = append(items, splitList(v)...)
	}
	return json.Marshal(items)
}

func jsonParam(name, text string) (json.RawMessage, error) {
	out, err := api.StrictJSON([]byte(strings.TrimSpace(text)))
	if err != nil {
		return nil, errorf(codeInvalidArgument, "parameter %s is not JSON: %v", name, err)
	}
	return out, nil
}

// hasFold reports whether obj has a member named name in any case.
func hasFold(obj map[string]json.RawMessage, name string) bool {
	for k := range obj {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// withParams lets an endpoint read its request from the query string as
// well as from the body: the parameters of the query string are added to
// the body's object for the names it lacks (in any case).
func withParams(h handler) handler {
	return withParamsWrapped(h, "")
}

// withParamsWrapped is withParams for an endpoint whose query-string
// parameters describe its wrap member (see paramsJSON).
func withParamsWrapped(h handler, wrap string) handler {
	return func(s *Server, r *http.Request, body []byte) (any, error) {
		merged, err := mergeParams(r.URL.Query(), body, wrap)
		if err != nil {
			return nil, err
		}
		return h(s, r, merged)
	}
}

// mergeParams adds the query-string parameters to a JSON object body. A
// body that is not an object is left for the endpoint to reject.
func mergeParams(query url.Values, body []byte, wrap string) ([]byte, error) {
	if len(query) == 0 {
		return body, nil
	}
	params, err := paramsJSON(query, wrap)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return params, nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(body, &obj) != nil || obj == nil {
		return body, nil
	}
	var extra map[string]json.RawMessage
	if err := json.Unmarshal(params, &extra); err != nil {
		return nil, err
	}
	for k, v := range extra {
		if !hasFold(obj, k) {
			obj[k] = v
		}
	}
	return json.Marshal(obj)
}

// queryParam returns the value of the query-string parameter name, given
// in any case.
func queryParam(r *http.Request, name string) string {
	for k, v := range r.URL.Query() {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[len(v)-1]
		}
	}
	return ""
}

// decodeOptional decodes a request whose parameters are all optional: an
// empty body is an empty request.
func decodeOptional(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	return decode(body, v)
}
