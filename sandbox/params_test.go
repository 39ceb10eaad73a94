package sandbox

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestDescribeMetadataParams reads describeMetadata's parameters in any
// case: TypeNames=Task once returned all the entities without fields.
func TestDescribeMetadataParams(t *testing.T) {
	c := newTestServer(t, nil)
	for _, query := range []string{"TypeNames=Task&Flags=Fields,RELATIONS", "typenames=task&flags=fields&flags=relations", "typeNames=Task&flags=fields,relations"} {
		code, out := c.do("GET", "metadata/describeMetadata?"+query, "")
		var doc struct {
			EntityDescriptions []map[string]json.RawMessage
		}
		if err := json.Unmarshal(out, &doc); err != nil || code != 200 {
			t.Fatalf("%s: %d %s", query, code, out)
		}
		d := doc.EntityDescriptions
		if len(d) != 1 || string(d[0]["typeName"]) != `"Task"` || d[0]["fields"] == nil || d[0]["relations"] == nil {
			t.Errorf("%s: %d descriptions, want Task with fields and relations", query, len(d))
		}
	}
	// The query string and a body both count; the body's names win.
	code, out := c.do("POST", "metadata/describeMetadata?flags=fields", `{"typeNames":["User"]}`)
	if code != 200 || !strings.Contains(string(out), `"typeName":"User"`) || !strings.Contains(string(out), `"fields"`) {
		t.Errorf("body and query string: %d %.200s", code, out)
	}
}

// TestQueryEndpointsGET sends entityQuery, aggregateQuery, countQuery and
// relationQuery as GETs: typeName and fields as text, where, orders and
// paging as JSON text, where also as CZQL text.
func TestQueryEndpointsGET(t *testing.T) {
	c := newTestServer(t, nil)
	get := func(endpoint string, params url.Values) string {
		t.Helper()
		code, out := c.do("GET", endpoint+"?"+params.Encode(), "")
		if code != 200 {
			t.Fatalf("GET %s?%s: %d %s", endpoint, params.Encode(), code, out)
		}
		return string(out)
	}
	got := get("data/entityQuery", url.Values{"typeName": {"Task"}, "fields": {"Name"},
		"where":  {`{leftExpression: {fieldName: 'PercentCompleted'}, operator: 'GreaterThanOrEqual', rightExpression: {value: 50}}`},
		"orders": {`[{"fieldName":"Name","order":"Descending"}]`}, "paging": {`{"limit":2}`}})
	check(t, "entityQuery", got, `{"entities":[{"id":"/Task/t3","Name":"Test_API"},{"id":"/Task/t1","Name":"Design API"}],"paging":{"from":2,"limit":2,"hasMore":true}}`)
	got = get("data/aggregateQuery", url.Values{"typeName": {"Task"}, "groupBy": {"State"},
		"aggregations": {`[{function: 'Count', fieldName: 'Name', alias: 'N'}]`}, "where": {"PercentCompleted < 100"}})
	check(t, "aggregateQuery", got, `{"entities":[{"id":null,"State":{"id":"/State/Active"},"N":2.0},{"id":null,"State":{"id":"/State/Draft"},"N":1.0}],"paging":{"from":2,"limit":100,"hasMore":false}}`)
	check(t, "countQuery, top-level", get("data/countQuery", url.Values{"typeName": {"Task"}, "where": {"Name LIKE '%api%'"}}), `{"count":2}`)
	check(t, "countQuery, empty where", get("data/countQuery", url.Values{"typeName": {"Task"}, "where": {" "}}), `{"count":4}`)
	check(t, "countQuery, query", get("data/countQuery", url.Values{"query": {`{"typeName":"User"}`}}), `{"count":3}`)
	if ids := idsOf(t, get("data/relationQuery", url.Values{"entityId": {"/Task/t1"}, "relationName": {"Resources"}})); ids != "u2,u3" {
		t.Errorf("relationQuery: %s", ids)
	}
	for query, want := range map[string]string{
		"typeName=Task&paging=%7Bfrom:":  "InvalidArgument",
		"typeName=Task&deleted=maybe":    "InvalidArgument",
		"typeName=Task&where=%7B%22x%22": "InvalidArgument",
		"typeName=Task&where=Nope+%3D+1": "InvalidField",
		"fields=Name":                    "MissingArgument",
	} {
		code, out := c.do("GET", "data/entityQuery?"+query, "")
		if got := errorOf(t, code, out); got != want {
			t.Errorf("GET entityQuery?%s: %s; want %s", query, got, want)
		}
	}
}

// check compares a JSON answer with want (both compacted).
func check(t *testing.T, what, got, want string) {
	t.Helper()
	if compact(got) != compact(want) {
		t.Errorf("%s:\n got %s\nwant %s", what, compact(got), compact(want))
	}
}

// idsOf returns the local ids of a query answer's entities, comma-joined.
func idsOf(t *testing.T, answer string) string {
	t.Helper()
	var res struct{ Entities []struct{ ID string } }
	if err := json.Unmarshal([]byte(answer), &res); err != nil {
		t.Fatalf("%v: %s", err, answer)
	}
	var ids []string
	for _, e := range res.Entities {
		ids = append(ids, e.ID[strings.LastIndexByte(e.ID, '/')+1:])
	}
	return strings.Join(ids, ",")
}
