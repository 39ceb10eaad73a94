package czql_test

import (
	"strings"
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// TestParamsAreTypedAgainstTheMetadata checks that with metadata the
// values of bind parameters are checked against their fields, as written
// literals are: Translate and TranslateFile refuse a string for an
// Integer field, naming the parameter and the type; without metadata
// they are not checked.
func TestParamsAreTypedAgainstTheMetadata(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		t.Fatal(err)
	}
	const src = "SELECT Name FROM Task WHERE Priority = :p LIMIT 5"
	q, _ := czql.ParseQuery(src)
	for _, opt := range []czql.Option{
		czql.WithParams(map[string]any{"p": "abc"}),
		czql.WithParamLiterals(map[string]ast.Literal{"p": &ast.StringLit{Value: "abc"}}),
	} {
		req, diags := czql.Translate(q, czql.WithMetadata(md), opt)
		if req != nil || !diags.HasErrors() || !strings.Contains(diags[0].Message, `":p"`) || !strings.Contains(diags[0].Message, "Integer field") {
			t.Errorf("Translate = %v, %v; want an error naming :p and the Integer field", req, diags)
		}
		if reqs, diags := czql.TranslateFile("q.czql", []byte(src), czql.WithMetadata(md), opt); reqs != nil || countCode(diags, "type-mismatch", diag.Error) != 1 {
			t.Errorf("TranslateFile = %d requests, %v; want one type-mismatch", len(reqs), diags)
		}
		if req, diags := czql.Translate(q, opt); req == nil || len(diags) != 0 {
			t.Errorf("without metadata: Translate = %v, %v; want the request", req, diags)
		}
	}
	if req, diags := czql.Translate(q, czql.WithMetadata(md), czql.WithParams(map[string]any{"p": 3})); req == nil || len(diags) != 0 {
		t.Errorf("a number: Translate = %v, %v; want the request", req, diags)
	}
}

// TestUnusedParams checks that WithUnusedParamWarnings warns about each
// parameter no statement of the text uses, once, and only when asked.
func TestUnusedParams(t *testing.T) {
	src := []byte("SELECT Name FROM Task WHERE Priority = :p LIMIT 5; SELECT Name FROM User WHERE Name = :n LIMIT 1")
	params := czql.WithParamLiterals(map[string]ast.Literal{"p": &ast.NumberLit{Raw: "1"}, "n": &ast.StringLit{Value: "x"}, "typo": &ast.NumberLit{Raw: "2"}})
	reqs, diags := czql.TranslateFile("q.czql", src, params, czql.WithParams(map[string]any{"zz": 1, "p": 2}), czql.WithUnusedParamWarnings())
	if len(reqs) != 2 {
		t.Fatalf("%d requests, %v", len(reqs), diags)
	}
	var got []string
	for _, d := range diags {
		if d.Code != "unused-param" || d.Severity != diag.Warning {
			t.Errorf("unexpected %v", d)
		}
		got = append(got, d.Message)
	}
	want := []string{`bind parameter ":typo" is given a value, but no statement uses it`, `bind parameter ":zz" is given a value, but no statement uses it`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, diags := czql.TranslateFile("q.czql", src, params); len(diags) != 0 {
		t.Errorf("without WithUnusedParamWarnings: %v", diags)
	}
	cfg := &czql.Config{Rules: map[string]diag.Severity{"unused-param": czql.Off}}
	if _, diags := czql.TranslateFile("q.czql", src, params, czql.WithUnusedParamWarnings(), czql.WithConfig(cfg)); len(diags) != 0 {
		t.Errorf("with unused-param off: %v", diags)
	}
}
