package clarizen_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/czql/czql"
	"github.com/czql/czql/examples/clarizen"
)

// Example builds a query with the generated handles: the field names,
// value types and pick-list values come from the metadata, so a typo or a
// wrong type does not compile.
func Example() {
	t := clarizen.Task
	due := time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC)
	open := czql.SelectFields(t.Name, t.DueDate, t.Manager.Fields().Name).
		FromEntity(t).
		Where(
			t.State.In(clarizen.TaskStateActive, clarizen.TaskStateOnHold),
			t.DueDate.Lt(due),
			t.Priority.Ge(3),
			t.Project.InQuery(czql.SelectFields(clarizen.Project.Name).FromEntity(clarizen.Project).
				Where(clarizen.Project.Manager.Fields().Email.Like("%@example.com"))),
		).
		OrderByField(t.DueDate, czql.Desc).
		Limit(20)
	text, err := open.CZQL()
	if err != nil {
		panic(err)
	}
	fmt.Println(text)
	// Output:
	// SELECT Name, DueDate, Manager.Name
	// FROM Task
	// WHERE State IN ('Active', 'On Hold')
	//   AND DueDate < 2024-06-01T17:00:00Z
	//   AND Priority >= 3
	//   AND Project IN (
	//       SELECT Name FROM Project WHERE Manager.Email LIKE '%@example.com'
	//   )
	// ORDER BY DueDate DESC
	// LIMIT 20
}

// Example_request sends a count of the tasks per state as an
// aggregateQuery.
func Example_request() {
	t := clarizen.Task
	perState := czql.SelectFields(t.State).FromEntity(t).
		Aggregate(czql.Count, t.Name.String(), "N").
		Where(t.Manager.Eq("/User/42")).
		GroupByFields(t.State).
		OrderBy("N", czql.Desc)
	req, diags := perState.Request()
	if diags.HasErrors() {
		panic(diags)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(req.BulkItem())
	// Output:
	// {
	//   "url": "/data/aggregateQuery",
	//   "method": "POST",
	//   "body": {
	//     "typeName": "Task",
	//     "groupBy": [
	//       "State"
	//     ],
	//     "where": {
	//       "leftExpression": {
	//         "fieldName": "Manager"
	//       },
	//       "operator": "Equal",
	//       "rightExpression": {
	//         "value": "/User/42"
	//       }
	//     },
	//     "aggregations": [
	//       {
	//         "function": "Count",
	//         "fieldName": "Name",
	//         "alias": "N"
	//       }
	//     ],
	//     "orders": [
	//       {
	//         "fieldName": "N",
	//         "order": "Descending"
	//       }
	//     ]
	//   }
	// }
}
