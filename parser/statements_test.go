package parser

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// readAll reads every statement of src with Statements.
func readAll(src string) (queries []*ast.Query, comments [][]*ast.Comment, diags []diag.List) {
	s := NewStatements("t.czql", []byte(src))
	for s.Next() {
		queries = append(queries, s.Query())
		comments = append(comments, s.Comments())
		diags = append(diags, s.Diagnostics())
	}
	return queries, append(comments, s.Comments()), append(diags, s.Diagnostics())
}

func TestStatementsGivesEachStatementItsComments(t *testing.T) {
	src := "-- a\nSELECT Name FROM Task; -- b\n;; /* c */ SELECT Name FROM Project -- d\n; -- e\n"
	queries, comments, diags := readAll(src)
	require.Len(t, queries, 2)
	assert.Equal(t, "Task", queries[0].From.Entity.Name)
	assert.Equal(t, "Project", queries[1].From.Entity.Name)
	texts := func(cs []*ast.Comment) (out []string) {
		for _, c := range cs {
			out = append(out, c.Text)
		}
		return out
	}
	assert.Equal(t, []string{"-- a"}, texts(comments[0]))
	assert.Equal(t, []string{"-- b", "/* c */", "-- d"}, texts(comments[1]))
	assert.Equal(t, []string{"-- e"}, texts(comments[2]), "the comments after the last statement come at the end")
	for _, ds := range diags {
		assert.Empty(t, ds)
	}
}

func TestStatementsDiagnosticsPerStatement(t *testing.T) {
	src := "SELECT FROM Task;\nSELECT Name FROM Project WHERE #;\nSELECT Name FROM Task"
	queries, _, diags := readAll(src)
	require.Len(t, queries, 3)
	require.NotEmpty(t, diags[0])
	assert.Equal(t, 1, diags[0][0].Range.Start.Line, "the first statement's error is on its line")
	require.NotEmpty(t, diags[1])
	for _, d := range diags[1] {
		assert.Equal(t, 2, d.Range.Start.Line, "the lexical and syntax errors of the second statement: %v", d)
	}
	assert.Empty(t, diags[2])
	assert.Empty(t, diags[3], "nothing after the last statement")
}

func TestStatementsEndOfEmptySource(t *testing.T) {
	queries, comments, diags := readAll("-- only a comment\n;;\n")
	assert.Empty(t, queries)
	require.Len(t, comments, 1)
	assert.Len(t, comments[0], 1)
	require.Len(t, diags, 1)
	require.Len(t, diags[0], 1)
	assert.Equal(t, CodeEmpty, diags[0][0].Code)
}

func TestStatementsAgreesWithParseFileOnTheCorpora(t *testing.T) {
	for _, src := range []string{
		"SELECT a FROM b SELECT c FROM d; SELECT",
		"/* unterminated",
		"SELECT Name FROM Task WHERE (a = 1;SELECT x FROM y WHERE z IN (1,2",
	} {
		f, want := ParseFile("t.czql", []byte(src))
		queries, _, diags := readAll(src)
		var got diag.List
		for _, ds := range diags {
			got = append(got, ds...)
		}
		assert.Equal(t, len(f.Queries), len(queries), src)
		assert.Equal(t, want, got, "the diagnostics of the statements, in order, are ParseFile's: %q", src)
	}
}

// TestStatementsHoldsOneStatement reads 200,000 statements and checks
// that the live heap does not grow with the statements dropped: the
// parser's node slabs are capped, so a reader that keeps no tree keeps
// nothing of the earlier statements.
func TestStatementsHoldsOneStatement(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 200,000 statements")
	}
	const n = 200_000
	src := []byte(strings.Repeat("SELECT Name, Manager.Name FROM Task WHERE State = 'Active' AND Duration > 3;\n", n))
	s := NewStatements("t.czql", src)
	var early, late uint64
	for i := 0; s.Next(); i++ {
		switch i {
		case 1_000:
			early = liveHeap()
		case n - 1:
			late = liveHeap()
		}
	}
	require.NotZero(t, early)
	assert.Less(t, int64(late)-int64(early), int64(4<<20),
		"the live heap grew by %d bytes between statement 1,000 and statement %d", int64(late)-int64(early), n)
}

// liveHeap returns the bytes of live heap objects after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
