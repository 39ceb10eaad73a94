package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/czql/czql/internal/golden"
)

// grammarFile is the generated EBNF at the root of the module.
const grammarFile = "../grammar.ebnf"

// TestGrammar compares Grammar with /grammar.ebnf; -update rewrites the
// file, which is therefore never out of date.
func TestGrammar(t *testing.T) {
	got := Grammar() + "\n"
	if *golden.Update {
		if err := os.WriteFile(grammarFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(grammarFile)
	if err != nil {
		t.Fatalf("%v; run go test ./parser -run TestGrammar -update", err)
	}
	if d := golden.Diff(string(want), got); d != "" {
		t.Errorf("%s is out of date; run go test ./parser -run TestGrammar -update (-want +got):\n%s", grammarFile, d)
	}
}

// TestGrammarProductions checks that the EBNF names every production
// after the grammar it describes.
func TestGrammarProductions(t *testing.T) {
	g := Grammar()
	for _, p := range []string{
		"Query", "SelectItem", "Aggregate", "RelationQuery", "FieldRef", "From", "Where",
		"Condition", "AndCondition", "UnaryCondition", "Predicate", "Comparison", "In", "Like",
		"IsNull", "Literal", "GroupBy", "OrderBy", "OrderItem", "Limit", "Offset",
	} {
		if !strings.Contains(g, "\n"+p+" = ") && !strings.HasPrefix(g, p+" = ") {
			t.Errorf("the grammar has no production %s:\n%s", p, g)
		}
	}
}
