package translate_test

import (
	"encoding/json"
	"fmt"

	"github.com/czql/czql/format"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

func ExampleQuery() {
	src := []byte(`SELECT Name FROM Task WHERE State = 'Active' AND DueDate > :due ORDER BY DueDate DESC LIMIT 10`)
	q, diags := parser.ParseQuery("example.czql", src)
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	params, err := translate.ParseParams([]string{"due=2024-01-01"})
	if err != nil {
		fmt.Println(err)
		return
	}
	req, diags := translate.Query(q, &translate.Options{Params: params})
	if diags.HasErrors() {
		fmt.Println(diags)
		return
	}
	out, _ := json.Marshal(req.BulkItem())
	fmt.Println(string(out))
	// Output:
	// {"url":"/data/entityQuery","method":"POST","body":{"typeName":"Task","fields":["Name"],"where":{"and":[{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}},{"leftExpression":{"fieldName":"DueDate"},"operator":"GreaterThan","rightExpression":{"value":"2024-01-01"}}]},"orders":[{"fieldName":"DueDate","order":"Descending"}],"paging":{"limit":10}}}
}

func ExampleFromJSON() {
	queries, diags := translate.FromJSON([]byte(`{
		"typeName": "Task",
		"fields": ["Name", "Manager.Name"],
		"where": {"or": [
			{"leftExpression": {"fieldName": "Name"}, "operator": "BeginsWith", "rightExpression": {"value": "S"}},
			{"leftExpression": {"fieldName": "State"}, "operator": "In", "rightExpression": {"values": ["Active", "Draft"]}}
		]}
	}`))
	for _, d := range diags {
		fmt.Printf("%s[%s]: %s\n", d.Severity, d.Code, d.Message)
	}
	for _, q := range queries {
		fmt.Println(format.Query(q))
	}
	// Output:
	// warning[lossy]: BeginsWith has no CZQL spelling; written as LIKE 'S%'
	// SELECT Name, Manager.Name
	// FROM Task
	// WHERE Name LIKE 'S%' OR State IN ('Active', 'Draft')
}
