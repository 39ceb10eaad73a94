package translate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// FromJSON rebuilds the CZQL queries of API requests written in JSON. data
// holds one request or an array of them; a request is a body (an
// entityQuery or an aggregateQuery, told apart by `_type` or by the
// `aggregations` property; or a /data/query body {"q": …}), a bulk item
// {"url", "method", "body"} whose url names the endpoint, or a bulk-execute
// body {"requests": […]}. The queries come back in input order; a request
// with errors is left out, and its diagnostics say which one it was when
// there are several. Ranges locate JSON syntax errors only.
func FromJSON(data []byte) ([]*ast.Query, diag.List) {
	j := &jsonReader{}
	if d, ok := syntaxError(data); !ok {
		return nil, diag.List{d}
	}
	switch trimmed := bytes.TrimSpace(data); {
	case bytes.HasPrefix(trimmed, []byte("[")):
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, diag.List{badJSON(err)}
		}
		for i, it := range items {
			j.item(it, fmt.Sprintf("request %d: ", i+1))
		}
	default:
		j.item(trimmed, "")
	}
	return j.queries, j.diags
}

// jsonReader collects the queries and diagnostics of one [FromJSON] call.
type jsonReader struct {
	queries []*ast.Query
	diags   diag.List
}

// The kinds of request bodies FromJSON reads.
const (
	kindUnknown = iota
	kindEntity
	kindAggregate
	kindText // /data/query
)

// syntaxError checks that data is one JSON value and, if not, returns a
// diagnostic at the offending byte.
func syntaxError(data []byte) (diag.Diagnostic, bool) {
	if json.Valid(data) {
		return diag.Diagnostic{}, true
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset)
		r := diag.NewSource("", data).Range(max(off-1, 0), off)
		return diag.Errorf(CodeBadJSON, r, "invalid JSON: %v", se), false
	}
	return diag.Errorf(CodeBadJSON, diag.Range{}, "invalid JSON"), false
}

func badJSON(err error) diag.Diagnostic {
	return diag.Errorf(CodeBadJSON, diag.Range{}, "%v", err)
}

// item reads one request; label prefixes its diagnostics.
func (j *jsonReader) item(raw []byte, label string) {
	var envelope struct {
		Requests []json.RawMessage `json:"requests"`
	}
	if json.Unmarshal(raw, &envelope) == nil && envelope.Requests != nil {
		for i, it := range envelope.Requests {
			j.item(it, fmt.Sprintf("%srequest %d: ", label, i+1))
		}
		return
	}
	r := &reverser{}
	q, diags := r.finish(r.request(raw))
	for _, d := range diags {
		d.Message = label + d.Message
		j.diags = append(j.diags, d)
	}
	if q != nil {
		j.queries = append(j.queries, q)
	}
}

// request reads a body or a bulk item.
func (r *reverser) request(raw []byte) *ast.Query {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		r.errorf(CodeBadJSON, "expected a request object or an array of them")
		return nil
	}
	if m["url"] != nil || m["body"] != nil {
		return r.bulkItem(raw)
	}
	return r.body(raw, m, kindOf(m))
}

// bulkItem reads {"url", "method", "body"}; the url decides the kind of
// body when it names a query endpoint.
func (r *reverser) bulkItem(raw []byte) *ast.Query {
	var item struct {
		URL  string          `json:"url"`
		Body json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(raw, &item); err != nil {
		r.errorf(CodeBadJSON, "bulk item: %v", err)
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(item.Body, &m); err != nil || m == nil {
		r.errorf(CodeBadJSON, "bulk item has no body object")
		return nil
	}
	kind := kindOfURL(item.URL)
	if kind == kindUnknown && item.URL != "" {
		r.errorf(CodeUnsupported, "bulk item url %q is not a query endpoint CZQL can express", item.URL)
		return nil
	}
	if kind == kindUnknown {
		kind = kindOf(m)
	}
	return r.body(item.Body, m, kind)
}

// kindOfURL tells the body kind from the endpoint a bulk item names.
func kindOfURL(url string) int {
	path, _, _ := strings.Cut(url, "?")
	path = strings.ToLower(strings.TrimRight(path, "/"))
	for suffix, kind := range map[string]int{
		strings.ToLower(api.PathEntityQuery):    kindEntity,
		strings.ToLower(api.PathAggregateQuery): kindAggregate,
		strings.ToLower(api.PathQuery):          kindText,
	} {
		if strings.HasSuffix("/"+strings.TrimPrefix(path, "/"), suffix) {
			return kind
		}
	}
	return kindUnknown
}

// kindOf tells the body kind from its properties.
func kindOf(m map[string]json.RawMessage) int {
	var typ string
	_ = json.Unmarshal(m["_type"], &typ)
	switch {
	case typ == api.TypeAggregateQuery:
		return kindAggregate
	case typ == api.TypeEntityQuery:
		return kindEntity
	case typ != "":
		return kindUnknown
	case m["aggregations"] != nil:
		return kindAggregate
	case m["typeName"] != nil:
		return kindEntity
	case m["q"] != nil:
		return kindText
	}
	return kindUnknown
}

// The properties of the bodies that CZQL expresses; others are dropped with
// a warning.
var (
	entityKeys    = []string{"_type", "typeName", "fields", "where", "orders", "relations", "paging"}
	aggregateKeys = []string{"_type", "typeName", "groupBy", "where", "aggregations", "orders", "paging"}
	textKeys      = []string{"q", "parameters"}
)

func (r *reverser) body(raw []byte, m map[string]json.RawMessage, kind int) *ast.Query {
	switch kind {
	case kindEntity:
		var eq api.EntityQuery
		if r.decode(raw, &eq, "entityQuery") {
			r.dropped(m, entityKeys, "entityQuery")
			return r.entityQuery(&eq)
		}
	case kindAggregate:
		var aq api.AggregateQuery
		if r.decode(raw, &aq, "aggregateQuery") {
			r.dropped(m, aggregateKeys, "aggregateQuery")
			return r.aggregateQuery(&aq)
		}
	case kindText:
		var tq api.Query
		if r.decode(raw, &tq, "query") {
			r.dropped(m, textKeys, "query")
			return r.textQuery(&tq)
		}
	default:
		r.errorf(CodeUnsupported, "not a query CZQL can express: expected an entityQuery, an aggregateQuery or a /data/query body {\"q\": …}")
	}
	return nil
}

// decode unmarshals a body, reporting a failure.
func (r *reverser) decode(raw []byte, v any, what string) bool {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		r.errorf(CodeBadJSON, "%s: %v", what, err)
		return false
	}
	return true
}

// dropped warns about the properties of m that CZQL cannot express, except
// for those that are null or false and so change nothing.
func (r *reverser) dropped(m map[string]json.RawMessage, known []string, what string) {
	for key, v := range m {
		if isKnownKey(key, known) {
			continue
		}
		if s := string(bytes.TrimSpace(v)); s == "null" || s == "false" {
			continue
		}
		r.warnf(CodeLossy, "property %q of the %s has no CZQL form and is dropped", key, what)
	}
}

// isKnownKey matches key against known as encoding/json matches property
// names, ignoring case.
func isKnownKey(key string, known []string) bool {
	for _, k := range known {
		if strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}

// textQuery reads a /data/query body by parsing its CZQL text and
// substituting its parameters.
func (r *reverser) textQuery(tq *api.Query) *ast.Query {
	q, diags := parseQuery("q", []byte(tq.Q))
	if !r.relocate("query text", diags) || q == nil {
		return nil
	}
	r.substitute(q, tq.Parameters)
	zeroRanges(q)
	return q
}
