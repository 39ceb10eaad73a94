package czql_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/czql/czql"
)

func ExampleSelect() {
	due := time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC)
	base := czql.Select("Name", "Manager.Name", "DueDate").From("Task").Where(czql.Eq("State", "Active"))
	// base is not changed by what is built on it.
	late := base.Where(czql.Lt("DueDate", due), czql.Or(czql.Gt("Priority", 3), czql.IsNull("Manager"))).
		OrderBy("DueDate", czql.Desc).Limit(50)
	text, err := late.CZQL()
	if err != nil {
		panic(err)
	}
	fmt.Println(text)
	text, _ = base.CZQL()
	fmt.Println(text)
	// A value is a value, whatever it holds.
	text, _ = base.Where(czql.Eq("Name", "x' OR Name <> 'y")).CZQL()
	fmt.Println(text)
	// Output:
	// SELECT Name, Manager.Name, DueDate
	// FROM Task
	// WHERE State = 'Active'
	//   AND DueDate < 2024-06-01T17:00:00Z
	//   AND (Priority > 3 OR Manager = NULL)
	// ORDER BY DueDate DESC
	// LIMIT 50
	// SELECT Name, Manager.Name, DueDate FROM Task WHERE State = 'Active'
	// SELECT Name, Manager.Name, DueDate
	// FROM Task
	// WHERE State = 'Active' AND Name = "x' OR Name <> 'y"
}

func ExampleInQuery() {
	managers := czql.Select("Id").From("User").Where(czql.Like("Name", "S%"))
	q := czql.Select("Name").From("Task").Where(
		czql.InQuery("Manager", managers),
		czql.NotIn("State", []string{"Completed", "Cancelled"}),
	)
	text, err := q.CZQL()
	if err != nil {
		panic(err)
	}
	fmt.Println(text)
	// Output:
	// SELECT Name
	// FROM Task
	// WHERE Manager IN (SELECT Id FROM User WHERE Name LIKE 'S%')
	//   AND State NOT IN ('Completed', 'Cancelled')
}

func ExampleBuilder_Request() {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		panic(err)
	}
	q := czql.Select("name").From("task").
		Relation("Resources", czql.Select("Name")).
		Where(czql.Ge("DueDate", czql.Param("since")), czql.Eq("Name", `both ' and "`)).
		Limit(10).
		With(czql.WithMetadata(md)) // checks the query; names take their canonical spelling
	// CZQL text cannot hold that name (no documented escape); the request can.
	if _, err := q.CZQL(); err != nil {
		fmt.Println(err)
	}
	req, diags := q.Request(czql.WithParams(map[string]any{"since": czql.Date(2024, 5, 1)}))
	if diags.HasErrors() {
		panic(diags)
	}
	body, _ := json.Marshal(req.Body)
	fmt.Println(req.Path)
	os.Stdout.Write(append(body, '\n'))
	// Output:
	// error[no-text]: string "both ' and \"" cannot be written in CZQL text: it holds both quote characters, and CZQL has no documented escape; Builder.Request sends it as JSON
	// /data/entityQuery
	// {"typeName":"Task","fields":["Name"],"where":{"and":[{"leftExpression":{"fieldName":"DueDate"},"operator":"GreaterThanOrEqual","rightExpression":{"value":"2024-05-01"}},{"leftExpression":{"fieldName":"Name"},"operator":"Equal","rightExpression":{"value":"both ' and \""}}]},"relations":[{"name":"Resources","fields":["Name"]}],"paging":{"limit":10}}
}

func ExampleCondition() {
	q := czql.Select("Name").From("Task").Where(
		czql.Eq("State", "Active"),
		// The text is a constant; the values are bound, never spliced.
		czql.Condition("DueDate < :due OR (Priority >= :p AND Name IN (:names))",
			czql.Binds{"due": czql.Date(2024, 6, 1), "p": 4, "names": []string{"Build", "Test"}}),
	)
	text, _ := q.CZQL()
	fmt.Println(text)
	// Output:
	// SELECT Name
	// FROM Task
	// WHERE State = 'Active'
	//   AND (DueDate < 2024-06-01 OR (Priority >= 4 AND Name IN ('Build', 'Test')))
}
