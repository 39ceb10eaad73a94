package format

import (
	"testing"

	"github.com/czql/czql/parser"
)

// FuzzFormat checks, for every input that parses without errors, that the
// formatted text parses to the same trees with the same comments and is
// formatted to itself. The seeds live in testdata/fuzz/FuzzFormat: the
// reference queries and the golden inputs.
func FuzzFormat(f *testing.F) {
	f.Add([]byte("SELECT Name FROM Task WHERE State = 'Active' -- c\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, diags := parser.ParseFile("fuzz.czql", src); diags.HasErrors() {
			return
		}
		checkFormat(t, "fuzz.czql", src)
	})
}
