package validate_test

import (
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// TestCheckParams checks the values of bind parameters against the
// fields they are compared with: a value of the wrong kind is an error
// at the parameter that names it and the field's type; a fitting value,
// a parameter without a value and those of LIMIT are left alone.
func TestCheckParams(t *testing.T) {
	md := fixture(t)
	str := func(s string) ast.Literal { return &ast.StringLit{Value: s} }
	num := func(s string) ast.Literal { return &ast.NumberLit{Raw: s} }
	for _, tc := range []struct {
		src    string
		params map[string]ast.Literal
		want   []string // the messages, in order
	}{
		{"SELECT Name FROM Task WHERE Priority = :p", map[string]ast.Literal{"p": str("abc")},
			[]string{`bind parameter ":p" is a string ('abc'), but Integer field "Priority" takes a number`}},
		{"SELECT Name FROM Task WHERE Priority = :p", map[string]ast.Literal{"p": num("3")}, nil},
		{"SELECT Name FROM Task WHERE Priority = :p", nil, nil},
		{"SELECT Name FROM Task WHERE Priority = :p", map[string]ast.Literal{"q": str("abc")}, nil},
		{"SELECT Name FROM Task WHERE DueDate < :d AND Name IN ('a', :n)", map[string]ast.Literal{"d": num("5"), "n": &ast.BoolLit{Value: true}},
			[]string{`bind parameter ":d" is a number (5), but DateTime field "DueDate" takes a date such as 2024-01-31`,
				`bind parameter ":n" is a boolean (TRUE), but String field "Name" takes a quoted string`}},
		{"SELECT Name FROM Task WHERE Name LIKE :p", map[string]ast.Literal{"p": num("1")},
			[]string{`bind parameter ":p" is a number (1), but the pattern of LIKE must be a string`}},
		{"SELECT Name FROM Task WHERE DueDate < :d", map[string]ast.Literal{"d": str("2024-06-01")}, nil},
		{"SELECT Name FROM Task WHERE Priority = :p LIMIT :n", map[string]ast.Literal{"p": &ast.NullLit{}, "n": str("x")}, nil},
		{"SELECT Name FROM Task WHERE Manager IN (SELECT Name FROM User WHERE Name = :u)", map[string]ast.Literal{"u": num("7")},
			[]string{`bind parameter ":u" is a number (7), but String field "Name" takes a quoted string`}},
	} {
		q, syntax := parser.ParseQuery("q", []byte(tc.src))
		if syntax.HasErrors() {
			t.Fatal(syntax)
		}
		ds := validate.CheckParams(q, md, tc.params)
		var got []string
		for _, d := range ds {
			got = append(got, d.Message)
			if d.Code != "type-mismatch" || !d.Range.Start.IsValid() {
				t.Errorf("%s: code %q at %v, want type-mismatch at the parameter", tc.src, d.Code, d.Range)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s %v:\ngot  %q\nwant %q", tc.src, tc.params, got, tc.want)
		}
	}
	q, _ := parser.ParseQuery("q", []byte("SELECT Name FROM Task WHERE Priority = :p"))
	if ds := validate.CheckParams(q, nil, map[string]ast.Literal{"p": str("abc")}); ds != nil {
		t.Errorf("without metadata: %v, want nothing", ds)
	}
}
