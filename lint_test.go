package czql_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/czql/czql"
)

// TestLintSuppressesAcrossStatements checks each place a czql:ignore
// comment can stand while Lint reads one statement at a time: before a
// statement, after a statement's ';' on its last line, inside a
// statement, and at the end of the file.
func TestLintSuppressesAcrossStatements(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	require.NoError(t, err)
	src := strings.Join([]string{
		"-- czql:ignore unknown-field",
		"SELECT Nope1 FROM Task LIMIT 1;",
		"SELECT Nope2 FROM Task LIMIT 1; -- czql:ignore unknown-field",
		"SELECT Name,",
		"  -- czql:ignore unknown-field",
		"  Nope3 FROM Task LIMIT 1;",
		"SELECT Nope4 FROM Task LIMIT 1;",
		"SELECT Nope5 FROM Task LIMIT 1 -- czql:ignore",
		"",
	}, "\n")
	var lines []int
	for _, d := range czql.Lint("t.czql", []byte(src), czql.WithMetadata(md)) {
		lines = append(lines, d.Range.Start.Line)
	}
	assert.Equal(t, []int{7}, lines, "only Nope4 is reported")
}

// TestLintManyStatements lints 20,000 statements, every tenth with an
// unknown field silenced by the comment after it, and checks the count:
// the suppressor forgets what it no longer needs without losing a scope.
func TestLintManyStatements(t *testing.T) {
	md, err := czql.LoadMetadata(fixture)
	require.NoError(t, err)
	var b strings.Builder
	for i := range 20_000 {
		if i%10 == 0 {
			fmt.Fprintf(&b, "SELECT Nope FROM Task LIMIT 1; -- czql:ignore unknown-field\n")
		} else {
			fmt.Fprintf(&b, "SELECT Nope%d FROM Task LIMIT 1;\n", i%3)
		}
	}
	diags := czql.Lint("t.czql", []byte(b.String()), czql.WithMetadata(md))
	assert.Len(t, diags, 18_000)
}
