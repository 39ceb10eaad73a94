package cli

import (
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

// fixDiag returns a diagnostic with one suggestion made of edits, each a
// (sub, newText) pair located in src.
func fixDiag(t *testing.T, src *diag.Source, pairs ...string) diag.Diagnostic {
	t.Helper()
	d := diag.Diagnostic{Severity: diag.Error, Code: "c", Message: "m"}
	s := diag.Suggestion{Message: "fix"}
	for i := 0; i < len(pairs); i += 2 {
		off := strings.Index(string(src.Text), pairs[i])
		if off < 0 {
			t.Fatalf("%q not in source", pairs[i])
		}
		s.Edits = append(s.Edits, diag.Edit{Range: src.Range(off, off+len(pairs[i])), NewText: pairs[i+1]})
	}
	d.Suggestions = []diag.Suggestion{s}
	return d
}

func TestCertainEdits(t *testing.T) {
	src := diag.NewSource("t", []byte("SELECT nme, Dat FROM tsk"))
	two := fixDiag(t, src, "Dat", "Date")
	two.Suggestions = append(two.Suggestions, diag.Suggestion{Message: "or", Edits: two.Suggestions[0].Edits})
	advice := diag.Diagnostic{Suggestions: []diag.Suggestion{{Message: "just advice"}}}
	l := diag.List{
		fixDiag(t, src, "tsk", "Task"),
		fixDiag(t, src, "nme", "Name"),
		fixDiag(t, src, "nme, ", ""), // overlaps the one before: skipped
		two,                          // two suggestions: not certain
		advice,                       // no edits
	}
	edits, n := certainEdits(l)
	if n != 2 || len(edits) != 2 {
		t.Fatalf("certainEdits: %d fixes, %d edits; want 2 and 2", n, len(edits))
	}
	if got := string(applyEdits(src.Text, edits)); got != "SELECT Name, Dat FROM Task" {
		t.Errorf("applied: %q", got)
	}
}

func TestOverlapsAny(t *testing.T) {
	src := diag.NewSource("t", []byte("abcdefgh"))
	e := func(s, end int) []diag.Edit { return []diag.Edit{{Range: src.Range(s, end)}} }
	tests := []struct {
		a, b []diag.Edit
		want bool
	}{
		{e(0, 2), e(2, 4), false}, // adjacent
		{e(0, 3), e(2, 4), true},
		{e(3, 3), e(3, 3), true}, // two insertions at one place
		{e(1, 5), e(2, 3), true},
		{e(5, 6), e(0, 2), false},
	}
	for _, tt := range tests {
		if got := overlapsAny(tt.a, tt.b); got != tt.want {
			t.Errorf("overlapsAny(%v, %v) = %v", tt.a[0].Range, tt.b[0].Range, got)
		}
	}
}

func TestFixTextRefusesBrokenResult(t *testing.T) {
	text := []byte("SELECT nme FROM Task LIMIT 1")
	src := diag.NewSource("t", text)
	check := func(b []byte) diag.List {
		if string(b) != string(text) {
			return nil
		}
		return diag.List{fixDiag(t, src, "nme", "Name FROM")} // a bad fix
	}
	out, n, err := fixText("t", text, check)
	if err == nil || n != 0 || string(out) != string(text) {
		t.Errorf("fixText = %q, %d, %v; want the text unchanged and an error", out, n, err)
	}
}

func TestFixTextPasses(t *testing.T) {
	// Each pass reveals the next fix, as a corrected entity reveals its
	// fields; fixing stops after maxFixPasses.
	text := []byte("SELECT a FROM Task LIMIT 1")
	check := func(b []byte) diag.List {
		src := diag.NewSource("t", b)
		i := strings.Index(string(b), "SELECT ") + len("SELECT ")
		return diag.List{{Code: "c", Suggestions: []diag.Suggestion{{Edits: []diag.Edit{{Range: src.Range(i, i), NewText: "a"}}}}}}
	}
	out, n, err := fixText("t", text, check)
	if err != nil || n != maxFixPasses || !strings.HasPrefix(string(out), "SELECT aaaaa FROM") {
		t.Errorf("fixText = %q, %d, %v", out, n, err)
	}
}
