package translate_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
	"github.com/czql/czql/validate"
)

// TestCanonicalNames checks what `czql translate --metadata` emits: names
// written in any case come out in the metadata's spelling, in typeName,
// fields, relations, where, orders and groupBy.
func TestCanonicalNames(t *testing.T) {
	md, err := metadata.Load("../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ src, want string }{
		{`select name, manager.displayname, (select name from resources order by name) from project where state = 'Active' order by startdate limit 5`,
			`{"typeName":"Project","fields":["Name","Manager.DisplayName"],"where":{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}},"relations":[{"name":"Resources","fields":["Name"],"orders":[{"fieldName":"Name","order":"Ascending"}]}],"orders":[{"fieldName":"StartDate","order":"Ascending"}],"paging":{"limit":5}}`},
		{`select state, count(name) as cnt from TASK group by STATE order by CNT desc`,
			`{"typeName":"Task","groupBy":["State"],"orders":[{"fieldName":"cnt","order":"Descending"}],"aggregations":[{"function":"Count","fieldName":"Name","alias":"cnt"}]}`},
		{`select Nope, name from Nowhere`, `{"typeName":"Nowhere","fields":["Nope","name"]}`},
	}
	for _, tt := range tests {
		q, diags := parser.ParseQuery("q.czql", []byte(tt.src))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		info, _ := validate.Check(q, md)
		before := q.From.Entity.Name
		req, diags := translate.Query(translate.Canonical(q, info), &translate.Options{Info: info})
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tt.src, diags)
		}
		got, _ := json.Marshal(req.Body)
		if !equalJSON(t, string(got), tt.want) {
			t.Errorf("%s:\n got %s\nwant %s", tt.src, got, tt.want)
		}
		if q.From.Entity.Name != before {
			t.Errorf("%s: Canonical changed the input tree", tt.src)
		}
	}
	if translate.Canonical(nil, nil) != nil {
		t.Error("Canonical(nil, nil) is not nil")
	}
}

// equalJSON compares two JSON texts by value.
func equalJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.NewDecoder(strings.NewReader(a)).Decode(&x); err != nil {
		t.Fatal(err)
	}
	if err := json.NewDecoder(strings.NewReader(b)).Decode(&y); err != nil {
		t.Fatal(err)
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return string(xa) == string(ya)
}
