package czql_test

import (
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/czql/czql"
	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// czqlText returns b's text or fails.
func czqlText(t *testing.T, b *czql.Builder) string {
	t.Helper()
	s, err := b.CZQL()
	if err != nil {
		t.Fatalf("CZQL: %v", err)
	}
	return s
}

// buildError returns the messages of the error of b's Query, or fails
// when there is none.
func buildError(t *testing.T, b *czql.Builder) string {
	t.Helper()
	_, err := b.Query()
	var diags diag.List
	if !errors.As(err, &diags) {
		t.Fatalf("Query: want a diag.List error, got %v", err)
	}
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Code+": "+d.Message)
	}
	return strings.Join(msgs, "\n")
}

func TestBuilderImmutable(t *testing.T) {
	base := czql.Select("Name").From("Task").Where(czql.Eq("State", "Active"))
	before := czqlText(t, base)
	a := base.Where(czql.Gt("Priority", 3)).OrderBy("Name", czql.Asc).Limit(5)
	b := base.Where(czql.Lt("Priority", 2)).Columns("DueDate")
	if got := czqlText(t, base); got != before {
		t.Errorf("the base changed:\n%s\nwas\n%s", got, before)
	}
	if got, want := czqlText(t, a), "SELECT Name\nFROM Task\nWHERE State = 'Active' AND Priority > 3\nORDER BY Name ASC\nLIMIT 5"; got != want {
		t.Errorf("a = %s\nwant %s", got, want)
	}
	if got, want := czqlText(t, b), "SELECT Name, DueDate FROM Task WHERE State = 'Active' AND Priority < 2"; got != want {
		t.Errorf("b = %s\nwant %s", got, want)
	}
}

func TestBuilderSharedAcrossGoroutines(t *testing.T) {
	base := czql.Select("Name").From("Task").Where(czql.Eq("State", "Active"))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := base.Where(czql.Eq("Priority", i)).Limit(i)
			for range 50 {
				if _, err := q.CZQL(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if got := czqlText(t, base); got != "SELECT Name FROM Task WHERE State = 'Active'" {
		t.Errorf("base = %s", got)
	}
}

func TestBuilderSliceCopied(t *testing.T) {
	states := []string{"Active", "Draft"}
	b := czql.Select("Name").From("Task").Where(czql.In("State", states))
	states[0] = "') OR 1=1 --"
	if got := czqlText(t, b); got != "SELECT Name FROM Task WHERE State IN ('Active', 'Draft')" {
		t.Errorf("the condition follows the slice: %s", got)
	}
}

func TestBuilderQueryIsFresh(t *testing.T) {
	b := czql.Select("Name").From("Task").Where(czql.Eq("State", "Active"))
	q1, _ := b.Query()
	q1.From.Entity.Name = "User"
	if got := czqlText(t, b); got != "SELECT Name FROM Task WHERE State = 'Active'" {
		t.Errorf("changing a returned tree changed the builder: %s", got)
	}
}

func TestBuilderErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    *czql.Builder
		want string
	}{
		{"no from", czql.Select("Name"), "build: czql.Select: the query has no FROM; call From"},
		{"nothing selected", czql.Select().From("Task"), "build: czql.Select: the query selects nothing"},
		{"nil builder", nil, "the query selects nothing"},
		{"bad field", czql.Select("Name, Id").From("Task"), `czql.Select: "Name, Id" is not a field name or a dot path of names`},
		{"bad entity", czql.Select("Name").From("Task WHERE 1=1"), `Builder.From: entity "Task WHERE 1=1" is not a name`},
		{"bad value type", czql.Select("Name").From("Task").Where(czql.Eq("Name", struct{}{})), "czql.Eq: a struct {} has no CZQL literal"},
		{"pointer", czql.Select("Name").From("Task").Where(czql.Eq("Name", new(string))), "czql.Eq: a *string has no CZQL literal"},
		{"duration", czql.Select("Name").From("Task").Where(czql.Eq("Work", time.Hour)), "time.Duration has no CZQL literal"},
		{"slice to Eq", czql.Select("Name").From("Task").Where(czql.Eq("State", []string{"a"})), "a []string has no CZQL literal"},
		{"bytes to In", czql.Select("Name").From("Task").Where(czql.In("State", []byte("ab"))), "a []uint8 is not a list of values"},
		{"empty In", czql.Select("Name").From("Task").Where(czql.In("State")), "czql.In: no values: CZQL has no empty IN list"},
		{"NaN", czql.Select("Name").From("Task").Where(czql.Gt("P", math.NaN())), "NaN is not a number CZQL can write"},
		{"bad date", czql.Select("Name").From("Task").Where(czql.Gt("D", czql.Date(2024, 4, 31))), "2024-04-31 is not a date"},
		{"bad param", czql.Select("Name").From("Task").Where(czql.Gt("D", czql.Param("a b"))), `parameter name "a b" is not a CZQL name`},
		{"zero value", czql.Select("Name").From("Task").Where(czql.Gt("D", czql.Value{})), "the zero czql.Value is not a value"},
		{"zero cond", czql.Select("Name").From("Task").Where(czql.Cond{}), "Builder.Where: the zero czql.Cond is not a condition"},
		{"empty and", czql.Select("Name").From("Task").Where(czql.Or()), "czql.Or: no conditions"},
		{"negative limit", czql.Select("Name").From("Task").Limit(-1), "Builder.Limit: -1 is negative"},
		{"bad agg", czql.Select().From("Task").Aggregate("COUNT(*)", "Id", ""), `"COUNT(*)" is not an aggregate function`},
		{"bad alias", czql.Select().From("Task").Aggregate(czql.Count, "Id", "n m"), `Builder.Aggregate: alias "n m" is not a name`},
		{"bad dir", czql.Select("Name").From("Task").OrderBy("Name", 7), "7 is not a direction"},
		{"relation with from", czql.Select("Name").From("Task").Relation("Resources", czql.Select("Name").From("User")),
			`a relation sub-query has no FROM of its own (the relation is its FROM), but it has FROM "User"`},
		{"relation limit", czql.Select("Name").From("Task").Relation("Resources", czql.Select("Name").Limit(3)), "a sub-query cannot have LIMIT or OFFSET"},
		{"nil relation", czql.Select("Name").From("Task").Relation("Resources", nil), `relation "Resources" has a nil sub-query`},
		{"in order", czql.Select("Name").From("Task").Where(czql.InQuery("Manager", czql.Select("Id").From("User").OrderBy("Id", czql.Asc))),
			"czql.InQuery: the sub-query of IN cannot have ORDER BY"},
		{"in no from", czql.Select("Name").From("Task").Where(czql.InQuery("Manager", czql.Select("Id"))), "czql.InQuery: the query has no FROM"},
		{"in aggregate", czql.Select("Name").From("Task").Where(czql.InQuery("Manager", czql.Select("Id").From("User").Aggregate(czql.Count, "Id", ""))),
			"czql.InQuery: a sub-query cannot have aggregates"},
		{"in group", czql.Select("Name").From("Task").Where(czql.NotInQuery("Manager", czql.Select("Id").From("User").GroupBy("Id"))),
			"czql.NotInQuery: a sub-query cannot have GROUP BY"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := buildError(t, tc.b); !strings.Contains(got, tc.want) {
				t.Errorf("errors:\n%s\nwant one containing %q", got, tc.want)
			}
			if _, diags := tc.b.Request(); !diags.HasErrors() {
				t.Error("Request gave no error")
			}
			if _, err := tc.b.CZQL(); err == nil {
				t.Error("CZQL gave no error")
			}
		})
	}
}

func TestBuilderAllErrorsAtOnce(t *testing.T) {
	got := buildError(t, czql.Select("a b").From("c d").Where(czql.Eq("e f", 1)).Limit(-2))
	if n := strings.Count(got, "\n") + 1; n != 4 {
		t.Errorf("want 4 errors, got %d:\n%s", n, got)
	}
}

func TestCondition(t *testing.T) {
	due := czql.Date(2024, 6, 1)
	b := czql.Select("Name").From("Task").Where(czql.Condition(
		"DueDate < :due AND Name LIKE :pat AND State IN (:states, 'Draft') AND Manager IN (SELECT Id FROM User WHERE Name = :who)",
		czql.Binds{"due": due, "pat": "x%", "states": [2]string{"Active", "On Hold"}, "who": "o'Brien"}))
	want := "SELECT Name\nFROM Task\nWHERE DueDate < 2024-06-01\n  AND Name LIKE 'x%'\n  AND State IN ('Active', 'On Hold', 'Draft')\n" +
		"  AND Manager IN (SELECT Id FROM User WHERE Name = \"o'Brien\")"
	if got := czqlText(t, b); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, tc := range []struct {
		cond czql.Cond
		want string
	}{
		{czql.Condition("Name = :n", nil), "czql.Condition: no value for :n"},
		{czql.Condition("Name = 1", czql.Binds{"n": 1}), `czql.Condition: "Name = 1" has no placeholder :n`},
		{czql.Condition("Name = ", nil), `czql.Condition: "Name = " does not parse`},
		{czql.Condition("Name = 1; DROP", nil), "does not parse"},
		{czql.Condition("Name = :n", czql.Binds{"n": []int{1, 2}}), "a list is bound to :n, which is not in an IN list"},
		{czql.Condition("Name IN (:n)", czql.Binds{"n": []int{}}), "an empty list is bound in an IN list"},
		{czql.Condition("Name = :n", czql.Binds{"n": struct{}{}}), "czql.Condition: a struct {} has no CZQL literal"},
	} {
		if got := buildError(t, czql.Select("Name").From("Task").Where(tc.cond)); !strings.Contains(got, tc.want) {
			t.Errorf("errors:\n%s\nwant one containing %q", got, tc.want)
		}
	}
}

func TestBuilderNoText(t *testing.T) {
	for _, v := range []string{`both ' and "`, "line\nbreak", "nul\x00", `back\`, `back\'slash`, `two\\`} {
		b := czql.Select("Name").From("Task").Where(czql.Eq("Name", v))
		_, err := b.CZQL()
		var diags diag.List
		if !errors.As(err, &diags) || len(diags) != 1 || diags[0].Code != czql.CodeNoText {
			t.Errorf("%q: CZQL error %v, want one %s", v, err, czql.CodeNoText)
		}
		if _, err := b.Query(); err != nil {
			t.Errorf("%q: Query: %v", v, err)
		}
		req, diags := b.Request()
		if diags.HasErrors() {
			t.Fatalf("%q: Request: %v", v, diags)
		}
		if got := req.Body.(*api.EntityQuery).Where.Right.Value; got != v {
			t.Errorf("%q: the request holds %q", v, got)
		}
		if _, diags := b.Request(czql.WithConditionText()); !diags.HasErrors() {
			t.Errorf("%q: Request with condition text gave no error", v)
		}
	}
}

func TestBuilderMetadata(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		t.Fatal(err)
	}
	good := czql.Select("name", "manager.name").From("task").Where(czql.Eq("state", "Active")).With(czql.WithMetadata(md))
	if _, err := good.Query(); err != nil {
		t.Fatalf("Query: %v", err)
	}
	req, diags := good.Request()
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	body := req.Body.(*api.EntityQuery)
	if body.TypeName != "Task" || strings.Join(body.Fields, ",") != "Name,Manager.Name" {
		t.Errorf("names not canonical: %s %v", body.TypeName, body.Fields)
	}
	bad := czql.Select("Name", "DueDat").From("Task").Where(czql.Eq("Priority", "high")).With(czql.WithMetadata(md))
	got := buildError(t, bad)
	for _, want := range []string{`unknown-field: entity "Task" has no field "DueDat"`, "type-mismatch: "} {
		if !strings.Contains(got, want) {
			t.Errorf("errors:\n%s\nwant one containing %q", got, want)
		}
	}
	if _, err := bad.CZQL(); err == nil {
		t.Error("CZQL: no error")
	}
	if _, diags := bad.Request(); !diags.HasErrors() {
		t.Error("Request: no error")
	}
	if _, diags := czql.Select("Nme").From("Task").Request(czql.WithMetadata(md)); len(diags) != 1 || diags[0].Code != "unknown-field" {
		t.Errorf("Request's own options: diagnostics %v, want unknown-field", diags)
	}
}

func TestBuilderTimes(t *testing.T) {
	loc := time.FixedZone("odd", 3600+30)
	for _, tc := range []struct {
		v    time.Time
		want string
	}{
		{time.Date(2024, 6, 1, 17, 0, 0, 0, time.UTC), "2024-06-01T17:00:00Z"},
		{time.Date(2024, 6, 1, 17, 0, 0, 5e6, time.FixedZone("", -7*3600)), "2024-06-01T17:00:00.005-07:00"},
		{time.Date(2024, 6, 1, 17, 0, 0, 0, loc), "2024-06-01T15:59:30Z"},
	} {
		q, err := czql.Select("Name").From("Task").Where(czql.Eq("DueDate", tc.v)).Query()
		if err != nil {
			t.Fatal(err)
		}
		if got := q.Where.Cond.(*ast.CompareExpr).Y.(*ast.DateLit).Raw; got != tc.want {
			t.Errorf("%v: %s, want %s", tc.v, got, tc.want)
		}
	}
}
