package czql_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
)

// fixture is a realistic organisation's describeMetadata.
const fixture = "testdata/metadata/clarizen.json"

func ExampleParseFile() {
	file, diags := czql.ParseFile("report.czql", []byte("SELECT Name FROM Task; SELECT Name FROM User WHERE"))
	fmt.Println(len(file.Queries), "statements")
	for _, d := range diags {
		fmt.Println(d.Error())
	}
	// Output:
	// 2 statements
	// 1:46: error[syntax]: missing condition after WHERE
}

func ExampleParseQuery() {
	q, diags := czql.ParseQuery("SELECT Name, Manager.Name FROM Task WHERE State = 'Active' LIMIT 10")
	fmt.Println(q.From.Entity.Name, len(q.Select.Items), "fields,", len(diags), "diagnostics")
	// Output: Task 2 fields, 0 diagnostics
}

func ExampleFormat() {
	out, err := czql.Format([]byte("select name from task where state='Active' limit 5"))
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	// Output: SELECT name FROM task WHERE state = 'Active' LIMIT 5;
}

func ExampleLoadMetadata() {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		panic(err)
	}
	task := md.Entity("task")
	fmt.Println(task.TypeName, task.Field("duedate").Name)
	// Output: Task DueDate
}

func ExampleLoadConfig() {
	dir, _ := os.MkdirTemp("", "czql")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, czql.ConfigFile)
	os.WriteFile(path, []byte("metadata: org.json\nrules:\n  no-limit: off\nfail-on: warning\n"), 0o644)
	cfg, err := czql.LoadConfig(path)
	if err != nil {
		panic(err)
	}
	fmt.Println(filepath.Base(cfg.Metadata), cfg.Rules["no-limit"] == czql.Off, cfg.FailOn)
	// Output: org.json true warning
}

func ExampleLint() {
	src := []byte("SELECT Nmae FROM Task LIMIT 5;\n-- czql:ignore no-limit\nSELECT Name FROM Task;\n")
	md, _ := czql.LoadMetadata(fixture)
	for _, d := range czql.Lint("report.czql", src, czql.WithMetadata(md)) {
		fmt.Println(d.Error())
	}
	// Output: 1:8: error[unknown-field]: entity "Task" has no field "Nmae"
}

func ExampleTranslate() {
	q, _ := czql.ParseQuery("SELECT name FROM task WHERE duedate < :due LIMIT 5")
	md, _ := czql.LoadMetadata(fixture)
	req, diags := czql.Translate(q, czql.WithMetadata(md), czql.WithParams(map[string]any{
		"due": time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC),
	}))
	if diags.HasErrors() {
		panic(diags)
	}
	body, _ := json.Marshal(req.Body)
	fmt.Println(req.Path)
	fmt.Println(string(body))
	// Output:
	// /data/entityQuery
	// {"typeName":"Task","fields":["Name"],"where":{"leftExpression":{"fieldName":"DueDate"},"operator":"LessThan","rightExpression":{"value":"2024-06-01T17:00:00Z"}},"paging":{"limit":5}}
}

func ExampleWithMetadata() {
	q, _ := czql.ParseQuery("SELECT name FROM task")
	md, _ := czql.LoadMetadata(fixture)
	req, _ := czql.Translate(q, czql.WithMetadata(md)) // canonical spellings
	body, _ := json.Marshal(req.Body)
	fmt.Println(string(body))
	// Output: {"typeName":"Task","fields":["Name"]}
}

func ExampleWithParams() {
	q, _ := czql.ParseQuery("SELECT Name FROM Task WHERE Priority > :p AND State = :s")
	req, _ := czql.Translate(q, czql.WithParams(map[string]any{"p": 3, "s": "Active"}))
	body, _ := json.Marshal(req.Body)
	fmt.Println(string(body))
	// Output: {"typeName":"Task","fields":["Name"],"where":{"and":[{"leftExpression":{"fieldName":"Priority"},"operator":"GreaterThan","rightExpression":{"value":3}},{"leftExpression":{"fieldName":"State"},"operator":"Equal","rightExpression":{"value":"Active"}}]}}
}

func ExampleWithConfig() {
	cfg := &czql.Config{Rules: map[string]diag.Severity{"no-limit": czql.Off}}
	md, _ := czql.LoadMetadata(fixture)
	diags := czql.Lint("q.czql", []byte("SELECT Name FROM Task"), czql.WithMetadata(md), czql.WithConfig(cfg))
	fmt.Println(len(diags), "diagnostics")
	// Output: 0 diagnostics
}

func ExampleTranslateFile() {
	src := []byte("SELECT Name FROM Task;\nSELECT COUNT(Id) AS n FROM Project GROUP BY State;")
	reqs, _ := czql.TranslateFile("q.czql", src)
	for _, req := range reqs {
		fmt.Println(req.Path)
	}
	// Output:
	// /data/entityQuery
	// /data/aggregateQuery
}

func ExampleTranslateEach() {
	src := []byte("SELECT Name FROM Task;\nSELECT Name FROM Project LIMIT 5;")
	diags, err := czql.TranslateEach("q.czql", src, func(req *translate.Request) error {
		body, err := json.Marshal(req.Body)
		fmt.Println(string(body))
		return err
	})
	fmt.Println(len(diags), "diagnostics,", err)
	// Output:
	// {"typeName":"Task","fields":["Name"]}
	// {"typeName":"Project","fields":["Name"],"paging":{"limit":5}}
	// 0 diagnostics, <nil>
}
