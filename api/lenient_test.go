package api

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestDecodePascalCase decodes the PascalCase, `_type`-tagged JSON of a
// public .NET client library (its entityQuery with a compare condition and
// an In list) into the same request as the documented camelCase.
func TestDecodePascalCase(t *testing.T) {
	pascal := `{"_type":"entityQuery","TypeName":"Task","Fields":["Name"],"Where":{"_type":"And","And":[` +
		`{"_type":"Compare","LeftExpression":{"_type":"FieldExpression","FieldName":"State"},"Operator":"Equal","RightExpression":{"_type":"ConstantExpression","Value":"Active"}},` +
		`{"_type":"Compare","LeftExpression":{"FieldName":"Priority"},"Operator":"In","RightExpression":{"_type":"ConstantListExpression","Values":[1,2]}}]},` +
		`"Orders":[{"FieldName":"Name","Order":"Descending"}],"Paging":{"From":0,"Limit":10,"HasMore":false}}`
	camel := `{"typeName":"Task","fields":["Name"],"where":{"and":[` +
		`{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}},` +
		`{"leftExpression":{"fieldName":"Priority"},"operator":"In","rightExpression":{"values":[1,2]}}]},` +
		`"orders":[{"fieldName":"Name","order":"Descending"}],"paging":{"from":0,"limit":10,"hasMore":false}}`
	var got, want EntityQuery
	if err := unmarshalNumbers([]byte(pascal), &got); err != nil {
		t.Fatal(err)
	}
	if err := unmarshalNumbers([]byte(camel), &want); err != nil {
		t.Fatal(err)
	}
	got.Type = "" // the only difference: `_type` is kept
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(&got)
		w, _ := json.Marshal(&want)
		t.Errorf("PascalCase:\n got %s\nwant %s", g, w)
	}
}

// TestDecodeWhereText decodes the relationQuery of a public JavaScript
// dashboard, whose where is CZQL text.
func TestDecodeWhereText(t *testing.T) {
	body := `{"entityId":"/DiscussionGroup/g1","relationName":"GroupMembers","fields":["FirstName"],"where":"State IN ('Active','Draft')","paging":{"from":0,"limit":500}}`
	var q RelationQuery
	if err := json.Unmarshal([]byte(body), &q); err != nil {
		t.Fatal(err)
	}
	want := &Condition{Kind: CZQLCondition, Text: "State IN ('Active','Draft')"}
	if !reflect.DeepEqual(q.Where, want) {
		t.Errorf("where = %+v; want %+v", q.Where, want)
	}
}

// TestDecodeParameters decodes parameters as an object, as null and as
// the empty array a public .NET client sends with every data/query.
func TestDecodeParameters(t *testing.T) {
	for body, want := range map[string]Parameters{
		`{"q":"SELECT Name FROM Task","parameters":[]}`:                      nil,
		`{"q":"SELECT Name FROM Task","Parameters":null}`:                    nil,
		`{"q":"SELECT Name FROM Task WHERE A = :a","parameters":{"a":1.50}}`: {"a": json.Number("1.50")},
	} {
		var q Query
		if err := json.Unmarshal([]byte(body), &q); err != nil {
			t.Errorf("%s: %v", body, err)
			continue
		}
		if !reflect.DeepEqual(q.Parameters, want) {
			t.Errorf("%s: parameters = %#v; want %#v", body, q.Parameters, want)
		}
	}
	var q Query
	if err := json.Unmarshal([]byte(`{"q":"x","parameters":[{"name":"a","value":1}]}`), &q); err == nil {
		t.Error("a non-empty parameters array: want an error")
	}
}

func TestOperatorCanonical(t *testing.T) {
	for in, want := range map[Operator]Operator{
		"equal": Equal, "GREATERTHANOREQUAL": GreaterThanOrEqual, "like": Like, "In": In, "NotIn": "NotIn", "": "",
	} {
		if got := in.Canonical(); got != want {
			t.Errorf("%q.Canonical() = %q; want %q", in, got, want)
		}
	}
}
