package czql_test

import (
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// TestLimitZeroIsRefused checks the one meaning of LIMIT 0: the library
// refuses it, with or without metadata, written or given through a bind
// parameter, so that translate, run and czql-repl never send paging.limit
// 0 (which the API would not read as "no rows"). Lint reports it too.
func TestLimitZeroIsRefused(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	if err != nil {
		t.Fatal(err)
	}
	zero := czql.WithParamLiterals(map[string]ast.Literal{"n": &ast.NumberLit{Raw: "0"}})
	for _, tc := range []struct {
		name string
		src  string
		opts []czql.Option
	}{
		{"no metadata", "SELECT Name FROM Task LIMIT 0", nil},
		{"metadata", "SELECT Name FROM Task LIMIT 0", []czql.Option{czql.WithMetadata(md)}},
		{"written 00", "SELECT Name FROM Task LIMIT 00 OFFSET 5", nil},
		{"parameter", "SELECT Name FROM Task LIMIT :n", []czql.Option{zero}},
		{"parameter and metadata", "SELECT Name FROM Task LIMIT :n", []czql.Option{zero, czql.WithMetadata(md)}},
		{"aggregate", "SELECT State, COUNT(Name) AS N FROM Task GROUP BY State LIMIT 0", []czql.Option{czql.WithMetadata(md)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reqs, diags := czql.TranslateFile("q.czql", []byte(tc.src), tc.opts...)
			if reqs != nil || countCode(diags, "limit-zero", diag.Error) != 1 {
				t.Errorf("TranslateFile = %d requests, %v; want none and one limit-zero error", len(reqs), diags)
			}
			q, _ := czql.ParseQuery(tc.src)
			if req, diags := czql.Translate(q, tc.opts...); req != nil || countCode(diags, "limit-zero", diag.Error) != 1 {
				t.Errorf("Translate = %v, %v; want no request and one limit-zero error", req, diags)
			}
		})
	}
	if diags := czql.Lint("q.czql", []byte("SELECT Name FROM Task LIMIT 0"), czql.WithMetadata(md)); countCode(diags, "limit-zero", diag.Error) != 1 {
		t.Errorf("Lint = %v, want one limit-zero error", diags)
	}
}

// TestLimitZeroConfigured checks that a configuration that turns
// limit-zero off lets LIMIT 0 through as paging.limit 0, as for any rule.
func TestLimitZeroConfigured(t *testing.T) {
	cfg := &czql.Config{Rules: map[string]diag.Severity{"limit-zero": czql.Off}}
	zero := czql.WithParamLiterals(map[string]ast.Literal{"n": &ast.NumberLit{Raw: "0"}})
	for _, src := range []string{"SELECT Name FROM Task LIMIT 0", "SELECT Name FROM Task LIMIT :n"} {
		reqs, diags := czql.TranslateFile("q.czql", []byte(src), czql.WithConfig(cfg), zero)
		if len(reqs) != 1 || len(diags) != 0 {
			t.Fatalf("%s: TranslateFile = %d requests, %v; want one request", src, len(reqs), diags)
		}
		if p := reqs[0].Body.(*api.EntityQuery).Paging; p == nil || p.Limit == nil || *p.Limit != 0 {
			t.Errorf("%s: paging %+v, want limit 0", src, p)
		}
	}
}

// TestLimitNotZero checks that other limits, and a LIMIT parameter of
// another value, are not reported.
func TestLimitNotZero(t *testing.T) {
	one := czql.WithParamLiterals(map[string]ast.Literal{"n": &ast.NumberLit{Raw: "1"}})
	for _, src := range []string{"SELECT Name FROM Task LIMIT 1 OFFSET 0", "SELECT Name FROM Task LIMIT :n", "SELECT Name FROM Task"} {
		if reqs, diags := czql.TranslateFile("q.czql", []byte(src), one); len(reqs) != 1 || len(diags) != 0 {
			t.Errorf("%s: TranslateFile = %d requests, %v", src, len(reqs), diags)
		}
	}
}

// countCode counts the diagnostics of code at severity sev.
func countCode(diags diag.List, code string, sev diag.Severity) int {
	n := 0
	for _, d := range diags {
		if d.Code == code && d.Severity == sev {
			n++
		}
	}
	return n
}
