package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/golden"
)

// TestReferenceQueries parses every query of the project's reference
// corpus (/testdata/reference): none may have a diagnostic.
func TestReferenceQueries(t *testing.T) {
	files, _ := filepath.Glob("../testdata/reference/*.txtar")
	if len(files) == 0 {
		t.Fatal("no reference queries")
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src, ok := golden.Section(a, "in.czql")
		if !ok {
			t.Fatalf("%s: no in.czql section", file)
		}
		q, ds := ParseQuery(file, []byte(src))
		if len(ds) > 0 {
			t.Errorf("%s: %v", file, ds)
		}
		if q.Select == nil || q.From == nil {
			t.Errorf("%s: incomplete query:\n%s", file, ast.Sprint(q, true))
		}
	}
}

// TestBriefMessages pins the messages the issue asks for, with their
// positions.
func TestBriefMessages(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"SELECT Name, FROM Task", "1:12-1:13 error syntax: missing field after ','"},
		{"SELECT Name FROM Task WHERE Name = 'abc", "1:36-1:40 error unterminated-string: string not terminated: missing closing quote"},
		{"SELECT Name FROM Task WHERE (a = 1", "1:29-1:30 error syntax: unclosed '(' in WHERE clause"},
		{"SELECT Name FROM Task WHERE a = 1)", "1:34-1:35 error syntax: unmatched ')'"},
		{"SELECT FROM Task", "1:1-1:7 error syntax: missing field list after SELECT"},
		{"SELECT Name Task", `1:13-1:17 error syntax: in SELECT clause: expected ',' or FROM, found name "Task"`},
		{"SELECT Name FROM", "1:13-1:17 error syntax: missing entity name after FROM"},
		{"SELECT Name FROM Task WHERE", "1:23-1:28 error syntax: missing condition after WHERE"},
		{"SELECT Name FROM Task WHERE a =", "1:31-1:32 error syntax: missing value after '='"},
		{"SELECT Name FROM Task WHERE a = 1 AND", "1:35-1:38 error syntax: missing condition after AND"},
		{"SELECT Name FROM Task ORDER BY Name ASCENDING", `1:37-1:46 error syntax: in ORDER BY clause: unexpected name "ASCENDING" after the end of the query`},
		{"SELECT Name FROM Task LIMIT", "1:23-1:28 error syntax: missing value after LIMIT"},
		{"SELECT Name FROM Task GROUP Name", `1:29-1:33 error syntax: expected BY after GROUP, found name "Name"`},
		{"SELECT Name FROM Task WHERE a IN ()", "1:34-1:36 error syntax: empty IN list"},
		{"SELECT Name FROM Task LIMIT 5 WHERE a = 1", "1:31-1:36 error syntax: WHERE must come before LIMIT"},
		{"SELECT Name FROM Task WHERE a = b", "1:33-1:34 error unsupported: comparing two fields is not supported in CZQL; compare with a value"},
		{"SELECT Name FROM Task WHERE a BETWEEN 1 AND 2", "1:31-1:38 error unsupported: BETWEEN is not supported in CZQL; use a >= 1 AND a <= 2"},
		{"SELECT (SELECT Name FROM Resources LIMIT 5) FROM Task", "1:36-1:41 error unsupported: LIMIT is not allowed in a relation sub-select"},
	} {
		_, ds := ParseFile("q.czql", []byte(tc.src))
		if len(ds) == 0 {
			t.Errorf("%s: no diagnostic, want %s", tc.src, tc.want)
			continue
		}
		if got := formatDiag(ds[0]); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestDetails checks the hints given beside some messages.
func TestDetails(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"SELECT Name, Where FROM Task", "WHERE is a reserved word; write @Where to use it as a name."},
		{"SELECT Name FROM Task WHERE State = Active", `If "Active" is a value, quote it: 'Active'.`},
		{"SELECT COUNT(Id) Total FROM Task", "Write AS before an alias, as in COUNT(Id) AS Total."},
		{"DELETE FROM Task", "CZQL only reads data: every statement is a SELECT query."},
		{"SELECT Name FROM Task JOIN User", "Select fields of a referenced entity with a dot path"},
	} {
		_, ds := ParseFile("q.czql", []byte(tc.src))
		if len(ds) == 0 || !strings.Contains(ds[0].Detail, tc.want) {
			t.Errorf("%s: detail of %v does not contain %q", tc.src, ds, tc.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	q, ds := ParseQuery("q", []byte("SELECT Name FROM Task;\n"))
	if len(ds) != 0 || q.From == nil || q.From.Entity.Name != "Task" {
		t.Errorf("trailing ';': %v\n%s", ds, ast.Sprint(q, false))
	}
	if q.Rng.End.Offset != len("SELECT Name FROM Task") {
		t.Errorf("query range %v includes the ';'", q.Rng)
	}

	q, ds = ParseQuery("q", []byte("SELECT Name FROM Task; SELECT Id FROM User WHERE"))
	if got, want := formatDiags(ds), "1:24-1:30 error syntax: expected one query, found a second statement\n"; got != want {
		t.Errorf("second statement: got %q, want %q", got, want)
	}
	if q.From.Entity.Name != "Task" {
		t.Errorf("second statement: wrong query returned:\n%s", ast.Sprint(q, false))
	}

	for _, src := range []string{"", "  \n", "-- only a comment\n", ";"} {
		q, ds = ParseQuery("q", []byte(src))
		if got, want := formatDiags(ds), "1:1-1:1 error syntax: empty query: expected SELECT\n"; got != want || q == nil {
			t.Errorf("%q: got %q, want %q", src, got, want)
		}
	}
	if _, ds = ParseQuery("q", []byte("*")); len(ds) != 1 || ds[0].Code != "invalid-char" {
		t.Errorf("'*': got %v, want only the lexical error", ds)
	}
}

func TestParseFileEmpty(t *testing.T) {
	for _, src := range []string{"", " \t\n", "/* c */ -- d\n", ";;"} {
		f, ds := ParseFile("f", []byte(src))
		if len(f.Queries) != 0 || len(ds) != 1 || ds[0].Severity != diag.Warning || ds[0].Code != CodeEmpty ||
			ds[0].Range.Start != startPos {
			t.Errorf("%q: %d queries, %v", src, len(f.Queries), ds)
		}
	}
}

func TestParseCondition(t *testing.T) {
	for _, tc := range []struct{ src, ast, diags string }{
		{
			src: `State IN ("Active","Draft") and StartDate>:startDateParam`,
			ast: "Binary AND\n  In\n    FieldRef State\n    String \"Active\"\n    String \"Draft\"\n" +
				"  Compare >\n    FieldRef StartDate\n    Param :startDateParam\n",
		},
		{src: " Active = '1' ", ast: "Compare =\n  FieldRef Active\n  String \"1\"\n"},
		{src: "NOT (a = 1 OR b IS NULL)", ast: "Not\n  Paren\n    Binary OR\n      Compare =\n        FieldRef a\n        Number 1\n      Compare =\n        FieldRef b\n        Null\n"},
		{src: "a = 1 AND", ast: "Binary AND\n  Compare =\n    FieldRef a\n    Number 1\n  Bad\n", diags: "1:7-1:10 error syntax: missing condition after AND\n"},
		{src: "= 1", ast: "Bad\n", diags: "1:1-1:2 error syntax: expected a field at the start of the condition, found '='\n"},
		{src: "a = 1 b", ast: "Compare =\n  FieldRef a\n  Number 1\n", diags: `1:7-1:8 error syntax: expected AND or OR, found name "b"` + "\n"},
		{src: "a = 1;", ast: "Compare =\n  FieldRef a\n  Number 1\n", diags: "1:6-1:7 error syntax: expected AND or OR, found ';'\n"},
		{src: "", ast: "Bad\n", diags: "1:1-1:1 error syntax: empty condition: expected a field\n"},
		{src: "a IN (SELECT Id FROM T LIMIT 1)", ast: "", diags: "1:24-1:29 error unsupported: LIMIT is not allowed in an IN sub-query\n"},
	} {
		e, ds := ParseCondition("c", []byte(tc.src))
		if got := formatDiags(ds); got != tc.diags {
			t.Errorf("%q: diagnostics\n%s\nwant\n%s", tc.src, got, tc.diags)
		}
		if got := ast.Sprint(e, false); tc.ast != "" && got != tc.ast {
			t.Errorf("%q: tree\n%s\nwant\n%s", tc.src, got, tc.ast)
		}
	}
}

func TestParseLiteral(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"'Active'", `String "Active"`},
		{`"it""s"`, `String "it\"s"`},
		{"50", "Number 50"},
		{"-4.5", "Number -4.5"},
		{"2024-01-01", "Date 2024-01-01"},
		{"2024-01-01T17:00:00Z", "Date 2024-01-01T17:00:00Z"},
		{"true", "Bool true"},
		{"FALSE", "Bool false"},
		{"null", "Null"},
		{":p", "Param :p"},
		{" 7 ", "Number 7"},
	} {
		l, ds := ParseLiteral(tc.src)
		if ds.HasErrors() || l == nil {
			t.Errorf("%q: %v", tc.src, ds)
			continue
		}
		if got := strings.TrimSuffix(ast.Sprint(l, false), "\n"); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.src, got, tc.want)
		}
	}
	for _, tc := range []struct{ src, want string }{
		{"", "1:1-1:1 error syntax: empty value: expected a literal"},
		{"Active", `1:1-1:7 error syntax: expected a string, number, date, TRUE, FALSE, NULL or parameter, found name "Active"`},
		{"1 2", `1:3-1:4 error syntax: unexpected number "2" after the value`},
		{"'x", "1:1-1:3 error unterminated-string: string not terminated: missing closing quote"},
	} {
		l, ds := ParseLiteral(tc.src)
		if l != nil || len(ds) == 0 || formatDiag(ds[0]) != tc.want {
			t.Errorf("%q: got %v %v, want %s", tc.src, l, ds, tc.want)
		}
	}
}

// TestConcurrent parses from several goroutines: the parsers are shared.
func TestConcurrent(t *testing.T) {
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 50 {
				_, ds := ParseFile("q", []byte("SELECT a FROM T WHERE b IN (1, 2) AND c; SELECT x FROM y"))
				if len(ds) != 1 {
					t.Error(ds)
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

// TestCROnlyLineEndings parses a statement whose lines end with a lone CR
// after a comment: nothing after the comment may be lost.
func TestCROnlyLineEndings(t *testing.T) {
	src := "SELECT Name FROM Task WHERE State = 'Active' -- only active\rAND Priority > 4\rLIMIT 5"
	q, ds := ParseQuery("cr.czql", []byte(src))
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if _, ok := q.Where.Cond.(*ast.BinaryExpr); !ok || q.Limit == nil {
		t.Errorf("the condition after the comment or the LIMIT is lost:\n%s", ast.Sprint(q, false))
	}
}
