package translate_test

import (
	"testing"

	"github.com/czql/czql/format"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// FuzzFromJSON checks that decoding any input never panics and that every
// query it rebuilds without errors translates back to JSON without errors;
// also that the query's formatted text, which is what the CLI prints for a
// reverse translation, parses and translates to the same request. Seeds live
// in testdata/fuzz/FuzzFromJSON.
func FuzzFromJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		queries, diags := translate.FromJSON(data)
		if diags.HasErrors() {
			return
		}
		for i, q := range queries {
			if q == nil {
				t.Fatalf("query %d is nil without an error", i)
			}
			req, back := translate.Query(q, nil)
			if back.HasErrors() {
				t.Fatalf("query %d does not translate back: %v", i, back)
			}
			text := format.Query(q)
			p, pd := parser.ParseQuery("reverse", []byte(text))
			if pd.HasErrors() {
				t.Fatalf("query %d prints as %q, which does not parse: %v", i, text, pd)
			}
			again, back := translate.Query(p, nil)
			if back.HasErrors() || compact(t, again.Body) != compact(t, req.Body) {
				t.Fatalf("query %d prints as %q, which translates differently: %v", i, text, back)
			}
		}
	})
}
