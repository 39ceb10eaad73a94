package translate_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// TestGolden translates the `in.czql` section of each testdata/*.txtar
// (with the bind parameters of its `params` section, one name=value a
// line, and the options of its `options` section) and compares the bulk
// item with its `request.json` section and any diagnostics with its `diag`
// section. When the archive has a `documented.json` section (the JSON
// czql-reference.md gives for the query), the body, or its where when the
// documented JSON is a condition, must equal it as a JSON value; see
// [normalize]. Every translation must also be a fixed point.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		src := section(t, a, "in.czql")
		q, pd := parser.ParseQuery("in.czql", []byte(src))
		if pd.HasErrors() {
			t.Fatalf("parse: %v", pd)
		}
		opts := goldenOptions(t, a, src)
		req, diags := translate.Query(q, opts)
		out := map[string]string{}
		if _, ok := golden.Section(a, "diag"); ok || len(diags) > 0 {
			out["diag"] = diagText(diags)
		}
		if req == nil {
			return out
		}
		out["request.json"] = encode(t, req.BulkItem(), "  ")
		if doc, ok := golden.Section(a, "documented.json"); ok {
			checkDocumented(t, doc, req.Body)
		}
		checkFixedPoint(t, q, opts, req)
		return out
	})
}

// TestGoldenReverse rebuilds the queries of the `request.json` section of
// each testdata/reverse/*.txtar and compares them, printed by ast.Sprint
// without ranges, with its `ast` section, printed by the formatter with its
// `czql` section, and any diagnostics with its `diag` section. Each rebuilt
// query must translate back to JSON, and so must its formatted text once
// parsed, to the same JSON; that JSON must be a fixed point; and when the
// input is a single body read without any diagnostic it must come back as
// the same JSON value.
func TestGoldenReverse(t *testing.T) {
	golden.Run(t, "testdata/reverse/*.txtar", func(t *testing.T, a *txtar.Archive) map[string]string {
		in := section(t, a, "request.json")
		queries, diags := translate.FromJSON([]byte(in))
		out := map[string]string{}
		if _, ok := golden.Section(a, "diag"); ok || len(diags) > 0 {
			out["diag"] = diagText(diags)
		}
		var printed, texts []string
		for _, q := range queries {
			printed = append(printed, ast.Sprint(q, false))
			texts = append(texts, format.Query(q))
			req, back := translate.Query(q, nil)
			if back.HasErrors() {
				t.Fatalf("rebuilt query does not translate: %v", back)
			}
			checkFixedPoint(t, q, nil, req)
			checkText(t, texts[len(texts)-1], req)
			if len(diags) == 0 && len(queries) == 1 && isPlainBody(in) {
				checkDocumented(t, in, req.Body)
			}
		}
		if len(queries) > 0 {
			out["ast"] = strings.Join(printed, "\n")
			out["czql"] = strings.Join(texts, "\n")
		}
		return out
	})
}

// TestReferenceQueries translates every query of the shared reference
// corpus, with values for its bind parameters, and checks the fixed point.
func TestReferenceQueries(t *testing.T) {
	files, err := filepath.Glob("../testdata/reference/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no reference queries (err %v)", err)
	}
	params, err := translate.ParseParams([]string{"startDateParam=2014-01-01", "dateParam=2024-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			q, pd := parser.ParseQuery(file, []byte(section(t, a, "in.czql")))
			if pd.HasErrors() {
				t.Fatalf("parse: %v", pd)
			}
			opts := &translate.Options{Params: params}
			req, diags := translate.Query(q, opts)
			if len(diags) > 0 {
				t.Fatalf("translate: %v", diags)
			}
			checkFixedPoint(t, q, opts, req)
		})
	}
}

func section(t *testing.T, a *txtar.Archive, name string) string {
	t.Helper()
	s, ok := golden.Section(a, name)
	if !ok {
		t.Fatalf("no %q section", name)
	}
	return s
}

// goldenOptions reads the params and options sections of a.
func goldenOptions(t *testing.T, a *txtar.Archive, src string) *translate.Options {
	t.Helper()
	opts := &translate.Options{Source: []byte(src)}
	if p, ok := golden.Section(a, "params"); ok {
		params, err := translate.ParseParams(strings.Fields(p))
		if err != nil {
			t.Fatal(err)
		}
		opts.Params = params
	}
	o, _ := golden.Section(a, "options")
	for _, name := range strings.Fields(o) {
		switch name {
		case "condition-text":
			opts.ConditionText = true
		default:
			t.Fatalf("unknown option %q", name)
		}
	}
	return opts
}

// diagText prints diagnostics one a line with their ranges, or "-" for
// none.
func diagText(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		r := "-"
		if d.Range.IsValid() {
			r = d.Range.String()
		}
		fmt.Fprintf(&b, "%s: %s[%s]: %s\n", r, d.Severity, d.Code, d.Message)
	}
	return b.String()
}

// checkFixedPoint checks CZQL → JSON → CZQL → JSON: req (the translation
// of q with opts) read back and translated again gives the same JSON, and
// so does a second round. A cZQLCondition comes back as a compare tree
// with its parameters substituted, so with ConditionText the first JSON is
// compared in its tree form.
func checkFixedPoint(t *testing.T, q *ast.Query, opts *translate.Options, req *translate.Request) {
	t.Helper()
	if opts != nil && opts.ConditionText {
		tree := *opts
		tree.ConditionText = false
		var diags diag.List
		if req, diags = translate.Query(q, &tree); diags.HasErrors() {
			t.Fatalf("tree form: %v", diags)
		}
	}
	first := encode(t, req.BulkItem(), "")
	second := roundTrip(t, first)
	if second != first {
		t.Fatalf("not a fixed point:\nfirst  %s\nsecond %s", first, second)
	}
	if third := roundTrip(t, second); third != second {
		t.Fatalf("second round differs:\nsecond %s\nthird  %s", second, third)
	}
}

// checkText checks that the CZQL text of a rebuilt query parses and
// translates to the same request as the query.
func checkText(t *testing.T, text string, req *translate.Request) {
	t.Helper()
	q, pd := parser.ParseQuery("czql", []byte(text))
	if pd.HasErrors() {
		t.Fatalf("formatted query %q does not parse: %v", text, pd)
	}
	again, diags := translate.Query(q, nil)
	if diags.HasErrors() {
		t.Fatalf("formatted query %q does not translate: %v", text, diags)
	}
	if got, want := encode(t, again.BulkItem(), ""), encode(t, req.BulkItem(), ""); got != want {
		t.Fatalf("formatted query %q translates differently:\ngot  %s\nwant %s", text, got, want)
	}
}

// roundTrip reads the bulk item JSON back into a query and translates it
// again.
func roundTrip(t *testing.T, itemJSON string) string {
	t.Helper()
	queries, diags := translate.FromJSON([]byte(itemJSON))
	if diags.HasErrors() || len(queries) != 1 {
		t.Fatalf("FromJSON(%s): %d queries, %v", itemJSON, len(queries), diags)
	}
	req, diags := translate.Query(queries[0], nil)
	if diags.HasErrors() {
		t.Fatalf("translate back: %v", diags)
	}
	return encode(t, req.BulkItem(), "")
}

// checkDocumented compares the JSON doc with body, or with body's where
// when doc is a condition rather than a query.
func checkDocumented(t *testing.T, doc string, body any) {
	t.Helper()
	want := decodeAny(t, doc)
	got := decodeAny(t, encode(t, body, ""))
	if m, ok := want.(map[string]any); ok && m["typeName"] == nil {
		got = got.(map[string]any)["where"]
	}
	normalize(want)
	normalize(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("differs from the documented JSON:\ngot  %s\nwant %s", compact(t, got), compact(t, want))
	}
}

// isPlainBody reports whether the JSON text is one request body whose
// where, if any, is not a cZQLCondition (which comes back as a tree).
func isPlainBody(s string) bool {
	m, ok := decodeAnyOK(s).(map[string]any)
	return ok && m["typeName"] != nil && !strings.Contains(s, `"text"`)
}

func decodeAny(t *testing.T, s string) any {
	t.Helper()
	v := decodeAnyOK(s)
	if v == nil {
		t.Fatalf("bad JSON: %s", s)
	}
	return v
}

func decodeAnyOK(s string) any {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	return v
}

// normalize removes what the documented JSON may differ in without
// changing the request: `_type` discriminators (the official samples omit
// them, we write them on nested queries), `hasMore` (a continuation flag
// that S20 sends and CZQL cannot write), the spaces around a cZQLCondition
// text and the spelling of numbers (2.5e3 is 2500).
func normalize(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "_type")
		delete(v, "hasMore")
		for k, x := range v {
			switch x := x.(type) {
			case string:
				if k == "text" {
					v[k] = strings.TrimSpace(x)
				}
			case json.Number:
				f, _ := x.Float64()
				v[k] = f
			default:
				normalize(x)
			}
		}
	case []any:
		for i, x := range v {
			if n, ok := x.(json.Number); ok {
				f, _ := n.Float64()
				v[i] = f
				continue
			}
			normalize(x)
		}
	}
}
