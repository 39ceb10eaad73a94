package format

import (
	"bytes"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

func TestQueryHandBuilt(t *testing.T) {
	long := sel("Project", nil, fields("Name", "TrackStatus.Name", "ProjectManager.Name", "PercentCompleted", "C_SomeVeryLongCustomField")...)
	tests := []struct {
		name string
		q    *ast.Query
		want string
	}{
		{"simple", sel("Task", cmp("State", ast.Eq, str("Active")), fields("Name")...),
			"SELECT Name FROM Task WHERE State = 'Active'"},
		{"keyword fields", sel("Order", nil, fields("Order", "Group.By", "Select.From", "Name")...),
			"SELECT @Order, @Group.By, @Select.@From, Name FROM Order"},
		{"reserved entity", sel("From", nil, fields("Name")...),
			"SELECT Name FROM @From"},
		{"ne", sel("Task", cmp("State", ast.Ne, &ast.NullLit{}), fields("Name")...),
			"SELECT Name FROM Task WHERE State <> NULL"},
		{"precedence kept", sel("T", and(or(cmp("a", ast.Eq, num("1")), cmp("b", ast.Eq, num("2"))), cmp("c", ast.Lt, num("-3.5"))), fields("x")...),
			"SELECT x FROM T WHERE (a = 1 OR b = 2) AND c < -3.5"},
		{"right nested", sel("T", and(cmp("a", ast.Eq, num("1")), and(cmp("b", ast.Eq, num("2")), cmp("c", ast.Eq, num("3")))), fields("x")...),
			"SELECT x FROM T WHERE a = 1 AND (b = 2 AND c = 3)"},
		{"user parens", sel("T", or(cmp("a", ast.Eq, num("1")), paren(and(cmp("b", ast.Eq, num("2")), cmp("c", ast.Eq, num("3"))))), fields("x")...),
			"SELECT x FROM T WHERE a = 1 OR (b = 2 AND c = 3)"},
		{"not binary", sel("T", &ast.NotExpr{X: or(cmp("a", ast.Eq, &ast.BoolLit{Value: true}), cmp("b", ast.Eq, &ast.BoolLit{}))}, fields("x")...),
			"SELECT x FROM T WHERE NOT (a = TRUE OR b = FALSE)"},
		{"wrap select", long,
			"SELECT\n    Name,\n    TrackStatus.Name,\n    ProjectManager.Name,\n    PercentCompleted,\n    C_SomeVeryLongCustomField\nFROM Project"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Query(tt.q); got != tt.want {
				t.Errorf("Query() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Active", `'Active'`},
		{"", `''`},
		{"it's", `"it's"`},
		{`say "hi"`, `'say "hi"'`},
		{`it's "x"`, `'it''s "x"'`},
		{`C:\temp`, `'C:\temp'`},
		{`ends\`, `'ends\\'`},
		{`a\\b`, `'a\\\b'`},
		{`a\'b`, `"a\\'b"`},
		{`a\"b`, `'a\\"b'`},
		{`\'"`, `'\\''"'`},
		{"ünï", `'ünï'`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestNodeErrors(t *testing.T) {
	tests := []struct {
		name string
		n    ast.Node
		want string
	}{
		{"bad expr", &ast.BadExpr{}, "BadExpr"},
		{"nil field", &ast.CompareExpr{Op: ast.Eq, Y: num("1")}, "missing field"},
		{"bad name", fld("has space"), "invalid name"},
		{"empty name", fld(""), "invalid name"},
		{"bad number", num("1e5"), "number"},
		{"bad date", &ast.DateLit{Raw: "2024-1-1"}, "date"},
		{"newline string", str("a\nb"), "string"},
		{"bad param", &ast.ParamRef{Name: "1x"}, "parameter"},
		{"bad op", &ast.CompareExpr{X: fld("a"), Y: num("1")}, "operator"},
		{"bad agg", &ast.AggregateExpr{Func: "MEDIAN", Arg: fld("a")}, "aggregate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Node(&buf, tt.n)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Node() error = %v, want one mentioning %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("Node() wrote %q despite the error", buf.String())
			}
		})
	}
}

func TestNode(t *testing.T) {
	tests := []struct {
		name string
		n    ast.Node
		want string
	}{
		{"compare", cmp("Manager.Name", ast.Ge, str("x")), "Manager.Name >= 'x'"},
		{"in", &ast.InExpr{X: fld("State"), Not: true, List: []ast.Literal{str("a"), str("b")}}, "State NOT IN ('a', 'b')"},
		{"like", &ast.LikeExpr{X: fld("Name"), Pattern: &ast.ParamRef{Name: "p"}}, "Name LIKE :p"},
		{"aggregate", &ast.AggregateExpr{Func: ast.Count, Arg: fld("Name"), Alias: id("Cnt")}, "COUNT(Name) AS Cnt"},
		{"alias reserved", &ast.AggregateExpr{Func: ast.Sum, Arg: fld("Work"), Alias: id("Or")}, "SUM(Work) AS @Or"},
		{"order item", &ast.OrderItem{Field: fld("Desc"), Dir: ast.Desc}, "@Desc DESC"},
		{"relation", &ast.RelationQuery{Query: sel("Resources", nil, fields("Name")...)}, "(SELECT Name FROM Resources)"},
		{"date", &ast.DateLit{Raw: "2024-01-31T17:00:00.123+02:00"}, "2024-01-31T17:00:00.123+02:00"},
		{"null", &ast.NullLit{}, "NULL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Node(&buf, tt.n); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Node() = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuoteRoundTrip checks that the lexer reads every quoted value back,
// for all strings of up to five characters over a small alphabet.
func TestQuoteRoundTrip(t *testing.T) {
	alphabet := []string{`\`, `'`, `"`, "a"}
	var walk func(prefix string, n int)
	walk = func(prefix string, n int) {
		got, ok := lexer.Unquote(Quote(prefix))
		if !ok || got != prefix {
			t.Errorf("Unquote(Quote(%q)) = %q, %v; Quote gave %s", prefix, got, ok, Quote(prefix))
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(prefix+c, n-1)
		}
	}
	walk("", 5)
}

func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", `it's`, `\`, `a\'"b`, `''""\\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validString(s) {
			return
		}
		if got, ok := lexer.Unquote(Quote(s)); !ok || got != s {
			t.Errorf("Unquote(Quote(%q)) = %q, %v", s, got, ok)
		}
	})
}
