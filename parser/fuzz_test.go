package parser

import (
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// FuzzParseFile checks, on any input, that the parser does not panic,
// that every diagnostic and every node lies within the source with
// consistent positions, and that a file without errors has complete
// queries.
func FuzzParseFile(f *testing.F) {
	f.Add([]byte("SELECT Name FROM Task WHERE a = 1"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, ds := ParseFile("fuzz.czql", src)
		s := diag.NewSource("fuzz.czql", src)
		for _, d := range ds {
			checkRange(t, s, d.Range, "diagnostic "+d.Error())
		}
		for n := range ast.Preorder(file) {
			if _, ok := n.(*ast.File); !ok {
				checkRange(t, s, n.Range(), "node "+ast.Sprint(n, false))
			}
		}
		if !ds.HasErrors() {
			for _, q := range file.Queries {
				if q.Select == nil || q.From == nil {
					t.Errorf("query without SELECT or FROM and no error: %s", ast.Sprint(q, true))
				}
			}
		}
		_ = ast.Sprint(file, true)
		_, _ = ParseQuery("fuzz.czql", src)
		_, _ = ParseCondition("fuzz.czql", src)
		_, _ = ParseLiteral(string(src))
	})
}

// checkRange checks that r is valid, lies within the source, and that its
// line and column agree with its offset.
func checkRange(t *testing.T, s *diag.Source, r diag.Range, what string) {
	t.Helper()
	n := len(s.Text)
	switch {
	case !r.IsValid():
		t.Errorf("%s: invalid range %v (%d-%d)", what, r, r.Start.Offset, r.End.Offset)
	case r.End.Offset > n:
		t.Errorf("%s: range %v ends past the source (%d > %d)", what, r, r.End.Offset, n)
	case s.Pos(r.Start.Offset) != r.Start || s.Pos(r.End.Offset) != r.End:
		t.Errorf("%s: range %v disagrees with its offsets %d-%d", what, r, r.Start.Offset, r.End.Offset)
	}
}
