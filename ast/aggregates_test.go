package ast_test

import (
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// TestAggregatesMatchKeywordTable checks that the AggFunc constants are
// exactly the aggregate functions of the lexer's keyword table, the one
// list the parser, formatter, validator and completion read.
func TestAggregatesMatchKeywordTable(t *testing.T) {
	consts := []ast.AggFunc{ast.Count, ast.Sum, ast.Avg, ast.Min, ast.Max}
	table := lexer.Aggregates()
	if len(consts) != len(table) {
		t.Fatalf("ast has %d aggregates, the keyword table %d: %v", len(consts), len(table), table)
	}
	for i, f := range consts {
		if string(f) != table[i] {
			t.Errorf("aggregate %d: ast %q, keyword table %q", i, f, table[i])
		}
	}
}
