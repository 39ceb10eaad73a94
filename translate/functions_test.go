package translate

import (
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// TestEveryAggregateHasAJSONName checks that DefaultFunctions names every
// aggregate of the lexer's keyword table, so that adding one there cannot
// leave the translator without its JSON spelling.
func TestEveryAggregateHasAJSONName(t *testing.T) {
	for _, f := range lexer.Aggregates() {
		if DefaultFunctions[ast.AggFunc(f)] == "" {
			t.Errorf("no JSON name for aggregate %s", f)
		}
	}
}
