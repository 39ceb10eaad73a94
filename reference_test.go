package czql_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// referenceParams are the bind parameter values of the reference queries
// that use parameters (§8 items 5 and 6); each query gets the ones it uses.
var referenceParams = map[string]string{
	"startDateParam": "2014-01-01",
	"dateParam":      "2024-05-01",
}

// TestReference runs the CZQL strings of czql-reference.md §8 (in
// testdata/reference) through the whole offline pipeline: each must parse
// without errors, format idempotently into the same tree (section
// "format"), translate into a bulk item (section "request.json"), and
// survive CZQL → JSON → CZQL → JSON unchanged.
func TestReference(t *testing.T) {
	golden.Run(t, "testdata/reference/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		in, ok := golden.Section(a, "in.czql")
		if !ok {
			t.Fatal("no in.czql section")
		}
		q := parseOne(t, "in.czql", in)
		formatted := checkFormat(t, in)
		req := translateJSON(t, q, paramsFor(q), []byte(in))
		checkRoundTrip(t, req)
		return map[string]string{"format": formatted, "request.json": req}
	})
}

// parseOne parses src, which must hold exactly one statement and no errors.
func parseOne(t *testing.T, name, src string) *ast.Query {
	t.Helper()
	f, diags := parser.ParseFile(name, []byte(src))
	if diags.HasErrors() {
		t.Fatalf("parse %s: %v\n%s", name, diags, src)
	}
	if len(f.Queries) != 1 {
		t.Fatalf("parse %s: %d statements, want 1", name, len(f.Queries))
	}
	return f.Queries[0]
}

// checkFormat formats src and checks that formatting is idempotent and
// keeps the tree; it returns the formatted text.
func checkFormat(t *testing.T, src string) string {
	t.Helper()
	out, diags := format.Source("in.czql", []byte(src))
	if diags.HasErrors() || out == nil {
		t.Fatalf("format: %v", diags)
	}
	again, diags := format.Source("format", out)
	if diags.HasErrors() {
		t.Fatalf("format of the formatted text: %v", diags)
	}
	if !bytes.Equal(again, out) {
		t.Errorf("format is not idempotent:\n%s\nthen:\n%s", out, again)
	}
	before, after := treeText(t, src), treeText(t, string(out))
	if d := golden.Diff(before, after); d != "" {
		t.Errorf("format changed the tree (-in +formatted):\n%s", d)
	}
	return string(out)
}

// treeText returns the tree of src as text without ranges.
func treeText(t *testing.T, src string) string {
	t.Helper()
	f, diags := parser.ParseFile("in.czql", []byte(src))
	if diags.HasErrors() {
		t.Fatalf("parse: %v\n%s", diags, src)
	}
	return ast.Sprint(f, false)
}

// paramsFor returns the values of the reference parameters q uses.
func paramsFor(q *ast.Query) []string {
	var pairs []string
	ast.Inspect(q, func(n ast.Node) bool {
		if p, ok := n.(*ast.ParamRef); ok {
			if v, ok := referenceParams[p.Name]; ok {
				pairs = append(pairs, p.Name+"="+v)
			}
		}
		return true
	})
	return pairs
}

// translateJSON translates q with the given -p pairs and returns its bulk
// item as `czql translate` prints it.
func translateJSON(t *testing.T, q *ast.Query, pairs []string, src []byte) string {
	t.Helper()
	params, err := translate.ParseParams(pairs)
	if err != nil {
		t.Fatal(err)
	}
	req, diags := translate.Query(q, &translate.Options{Params: params, Source: src})
	if diags.HasErrors() || req == nil {
		t.Fatalf("translate: %v", diags)
	}
	return marshalIndent(t, req.BulkItem())
}

// checkRoundTrip reads the request JSON back into CZQL, translates that
// again and requires the same JSON: CZQL → JSON → CZQL → JSON is a fixed
// point.
func checkRoundTrip(t *testing.T, reqJSON string) {
	t.Helper()
	queries, diags := translate.FromJSON([]byte(reqJSON))
	if diags.HasErrors() || len(queries) != 1 {
		t.Fatalf("FromJSON: %d queries, %v", len(queries), diags)
	}
	text := format.Query(queries[0])
	again := translateJSON(t, parseOne(t, "reversed", text), nil, []byte(text))
	if d := golden.Diff(reqJSON, again); d != "" {
		t.Errorf("CZQL → JSON → CZQL → JSON is not a fixed point; CZQL read back:\n%s\n(-first +second):\n%s", text, d)
	}
}

// marshalIndent encodes v as `czql translate` does: two-space indent, no
// HTML escaping, final newline.
func marshalIndent(t *testing.T, v any) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
