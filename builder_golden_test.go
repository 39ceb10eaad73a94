package czql_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/internal/golden"
)

// builderCase is a query built in Go, with the options of its request.
type builderCase struct {
	name string
	b    *czql.Builder
	opts []czql.Option
}

// builderCases are the golden cases of testdata/builder: one per query
// shape of czql-reference.md (§3, §4, §5, §8).
func builderCases() []builderCase {
	due := time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC)
	users := czql.Select("Id").From("User").Where(czql.Like("Name", "S%"))
	return []builderCase{
		// §1 sample 1 of the documentation: @Name (a keyword-free name is written bare).
		{name: "doc_sample", b: czql.Select("@Name", "StartDate", "Manager").From("Task").
			Where(czql.Gt("StartDate", czql.Date(2014, 1, 1))).OrderBy("StartDate", czql.Desc)},
		// §8.1 the EntityQuery sample.
		{name: "entity_query", b: czql.Select("Name", "Manager.Name", "DueDate").From("Task").
			Where(czql.Eq("Manager", "/User/9bcd7df3-4f6b-4272-944c-219b65b7862a"),
				czql.Or(czql.Eq("State", "Active"), czql.Eq("State", "Draft"))).
			OrderBy("Name", czql.Desc).Limit(50)},
		// Every comparison operator and literal kind.
		{name: "compare", b: czql.Select("Name").From("Task").Where(
			czql.Eq("Name", "Build"), czql.Ne("Priority", 3), czql.Lt("PercentCompleted", 12.5),
			czql.Le("DueDate", due), czql.Gt("StartDate", czql.Date(2024, 1, 31)),
			czql.Ge("Work", "8h"), czql.Eq("Billable", true), czql.Ne("Commited", false),
			czql.Eq("SequenceNumber", int64(-42)), czql.Gt("ChildrenCount", uint8(7)))},
		// §9 row 5: NULL tests are written = NULL and <> NULL.
		{name: "null", b: czql.Select("Name").From("Task").
			Where(czql.IsNull("Manager"), czql.IsNotNull("DueDate"), czql.Eq("Phase", nil))},
		// AND binds tighter than OR; the builder parenthesises every nested chain.
		{name: "and_or_not", b: czql.Select("Name").From("Task").Where(
			czql.Or(czql.And(czql.Eq("State", "Active"), czql.Gt("Priority", 3)), czql.Lt("DueDate", due)),
			czql.Not(czql.Or(czql.Like("Name", "Test%"), czql.IsNull("Manager"))),
			czql.Not(czql.Eq("Billable", true)),
			czql.And(czql.Eq("A", 1), czql.And(czql.Eq("B", 2), czql.Eq("C", 3))))},
		// §3.3 (c) and (h): IN and NOT IN lists, slices flattened.
		{name: "in_list", b: czql.Select("Name").From("Task").Where(
			czql.In("State", "Active", "Draft"), czql.NotIn("C_InvoiceStatus", []string{"Adjusted", "Nonchargeable"}),
			czql.In("Priority", []int{1, 2}, 3))},
		// §3.3 (f): IN (SELECT …), NOT IN, nested.
		{name: "in_subquery", b: czql.Select("Name").From("Task").Where(
			czql.InQuery("CreatedBy", users),
			czql.NotInQuery("Project", czql.Select("Id").From("Project").
				Where(czql.InQuery("Manager", users), czql.Eq("State", "Cancelled"))))},
		// LIKE and NOT LIKE.
		{name: "like", b: czql.Select("DisplayName").From("User").
			Where(czql.Like("DisplayName", "%ekin%"), czql.NotLike("Email", "%@example.com"))},
		// §4.2: aggregates, GROUP BY, ORDER BY an alias.
		{name: "aggregate", b: czql.Select("State").From("Task").Aggregate(czql.Count, "Name", "Cnt").
			GroupBy("State").OrderBy("Cnt", czql.Desc)},
		{name: "aggregate_all", b: czql.Select("ReportedDate").From("Timesheet").
			Aggregate(czql.Sum, "Duration", "Total").Aggregate(czql.Avg, "Duration", "Mean").
			Aggregate(czql.Min, "ReportedDate", "").Aggregate(czql.Max, "ReportedDate", "Last").
			Where(czql.Ge("ReportedDate", czql.Date(2024, 1, 1))).GroupBy("ReportedDate").
			OrderBy("ReportedDate", czql.Asc).Limit(100)},
		// §4.3: relation sub-selects, with WHERE and ORDER BY, and nested.
		{name: "relation", b: czql.Select("@Name").From("Project").
			Relation("Resources", czql.Select("Name")).
			Relation("RelatedRequests", czql.Select("Title").Where(czql.Eq("State", "Open")).OrderBy("Title", czql.Asc)).
			Where(czql.Eq("ParentProject", "/Project/5r4db1jbd0biqmx59gobn5o6s681"))},
		// §2.10: bind parameters, given values by the request.
		{name: "params", b: czql.Select("Name").From("Task").
			Where(czql.Gt("DueDate", czql.Param("due")), czql.In("State", czql.Param("s1"), "Draft")),
			opts: []czql.Option{czql.WithParams(map[string]any{"due": czql.Date(2024, 6, 1), "s1": "Active"})}},
		// §5: LIMIT and OFFSET become paging.
		{name: "paging", b: czql.Select("Name", "C_TrelloAPIKey").From("Organization").Limit(1).Offset(0)},
		{name: "offset_only", b: czql.Select("Name").From("Task").Offset(200)},
		// Names that are keywords take `@`.
		{name: "keywords", b: czql.Select("Order", "Group.Limit", "Count").From("Select").
			Where(czql.Eq("From.Where", "x"), czql.Eq("Null", nil)).OrderBy("Desc", czql.Desc).GroupBy("Order").
			Aggregate(czql.Count, "In", "As")},
		// §9 row 7: a value with ' is written in double quotes.
		{name: "quotes", b: czql.Select("Name").From("Task").
			Where(czql.Eq("Name", "it's"), czql.Eq("Description", `say "hi"`), czql.Like("Name", `C:\temp%`))},
		// A constant condition with bound values.
		{name: "condition", b: czql.Select("Name").From("Task").Where(
			czql.Eq("State", "Active"),
			czql.Condition("DueDate < :due AND (Priority > :p OR Name IN (:names)) OR Manager = :me",
				czql.Binds{"due": due, "p": 3, "names": []string{"a", "b"}, "me": czql.Param("me")})),
			opts: []czql.Option{czql.WithParams(map[string]any{"me": "/User/1"})}},
		// WithConditionText sends the WHERE clause as text.
		{name: "condition_text", b: czql.Select("Name").From("Task").
			Where(czql.In("State", "Active", "Draft"), czql.Gt("StartDate", czql.Param("startDateParam"))),
			opts: []czql.Option{czql.WithConditionText(), czql.WithParams(map[string]any{"startDateParam": czql.Date(2014, 1, 1)})}},
	}
}

// TestBuilderGolden compares each case's canonical text and request JSON
// with testdata/builder/NAME.txtar (rewritten by -update), and checks that
// the text parses back to the tree of Query.
func TestBuilderGolden(t *testing.T) {
	cases := builderCases()
	var names []string
	for _, c := range cases {
		names = append(names, c.name+".txtar")
		t.Run(c.name, func(t *testing.T) {
			got := map[string]string{"czql": mustCZQL(t, c.b), "request.json": requestJSON(t, c.b, c.opts...)}
			checkGolden(t, filepath.Join("testdata", "builder", c.name+".txtar"), got)
		})
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "builder", "*.txtar"))
	for _, f := range files {
		if !slices.Contains(names, filepath.Base(f)) {
			t.Errorf("%s has no case in builderCases", f)
		}
	}
}

// mustCZQL returns b's text, after checking that it parses back to b's
// tree.
func mustCZQL(t *testing.T, b *czql.Builder) string {
	t.Helper()
	text, err := b.CZQL()
	if err != nil {
		t.Fatalf("CZQL: %v", err)
	}
	q, err := b.Query()
	if err != nil {
		t.Fatalf("Query: %v", err)
	}
	back, diags := czql.ParseQuery(text)
	if diags.HasErrors() {
		t.Fatalf("the text does not parse: %v\n%s", diags, text)
	}
	if want, got := ast.Sprint(q, false), ast.Sprint(back, false); want != got {
		t.Fatalf("the text parses to another tree:\n%s\n%s", text, golden.Diff(want, got))
	}
	return text + "\n"
}

// requestJSON returns the bulk item of b's request, indented.
func requestJSON(t *testing.T, b *czql.Builder, opts ...czql.Option) string {
	t.Helper()
	req, diags := b.Request(opts...)
	if diags.HasErrors() {
		t.Fatalf("Request: %v", diags)
	}
	var out strings.Builder
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(req.BulkItem()); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// checkGolden compares got with the sections of the archive file, or
// writes them under -update.
func checkGolden(t *testing.T, file string, got map[string]string) {
	t.Helper()
	if *golden.Update {
		a := &txtar.Archive{Comment: []byte("Built in builder_golden_test.go; rewritten by go test -update.\n")}
		for _, name := range []string{"czql", "request.json"} {
			a.Files = append(a.Files, txtar.File{Name: name, Data: []byte(got[name])})
		}
		if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	for name, g := range got {
		want, _ := golden.Section(a, name)
		if d := golden.Diff(want, g); d != "" {
			t.Errorf("%s: section %s mismatch (-want +got):\n%s", file, name, strings.TrimSpace(d))
		}
	}
}
