package cli

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
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

func TestOverlaps(t *testing.T) {
	src := diag.NewSource("t", []byte("abcdefgh"))
	e := func(s, end int) diag.Edit { return diag.Edit{Range: src.Range(s, end)} }
	tests := []struct {
		a, b diag.Edit
		want bool
	}{
		{e(0, 2), e(2, 4), false}, // adjacent
		{e(0, 3), e(2, 4), true},
		{e(3, 3), e(3, 3), true}, // two insertions at one place
		{e(3, 3), e(3, 5), true}, // an insertion where a replacement starts
		{e(3, 3), e(1, 3), false},
		{e(2, 2), e(1, 3), true}, // an insertion inside a replacement
		{e(1, 5), e(2, 3), true},
		{e(5, 6), e(0, 2), false},
	}
	for _, tt := range tests {
		if got := overlaps(tt.a, tt.b); got != tt.want {
			t.Errorf("overlaps(%v, %v) = %v", tt.a.Range, tt.b.Range, got)
		}
		if got := overlaps(tt.b, tt.a); got != tt.want {
			t.Errorf("overlaps(%v, %v) = %v", tt.b.Range, tt.a.Range, got)
		}
	}
}

// pairwiseEdits is certainEdits as it was, comparing each edit with every
// edit taken before: the reference for TestCertainEditsMatchesPairwise.
func pairwiseEdits(l diag.List) ([]diag.Edit, int) {
	overlapsAny := func(a, b []diag.Edit) bool {
		for _, x := range a {
			for _, y := range b {
				if overlaps(x, y) {
					return true
				}
			}
		}
		return false
	}
	valid := func(edits []diag.Edit) bool {
		for i, e := range edits {
			if !e.Range.Start.IsValid() || e.Range.End.Offset < e.Range.Start.Offset {
				return false
			}
			if overlapsAny([]diag.Edit{e}, edits[:i]) {
				return false
			}
		}
		return true
	}
	var taken []diag.Edit
	n := 0
	for _, d := range l {
		if len(d.Suggestions) != 1 || len(d.Suggestions[0].Edits) == 0 {
			continue
		}
		edits := d.Suggestions[0].Edits
		if !valid(edits) || overlapsAny(edits, taken) {
			continue
		}
		taken = append(taken, edits...)
		n++
	}
	slices.SortFunc(taken, func(a, b diag.Edit) int { return a.Range.Start.Offset - b.Range.Start.Offset })
	return taken, n
}

// randomFixes returns n diagnostics with random edits in a text of size
// bytes: replacements and insertions, one to three per suggestion, some
// diagnostics with two suggestions or an invalid range.
func randomFixes(r *rand.Rand, n, size int) diag.List {
	src := diag.NewSource("t", make([]byte, size))
	l := make(diag.List, n)
	for i := range l {
		var edits []diag.Edit
		for range 1 + r.IntN(3) {
			s := r.IntN(size)
			end := min(size, s+r.IntN(4)) // 0: an insertion
			edits = append(edits, diag.Edit{Range: src.Range(s, end), NewText: fmt.Sprint(i)})
		}
		if r.IntN(20) == 0 {
			edits[0].Range.Start = diag.Pos{} // invalid
		}
		l[i].Suggestions = []diag.Suggestion{{Edits: edits}}
		if r.IntN(10) == 0 {
			l[i].Suggestions = append(l[i].Suggestions, diag.Suggestion{Message: "or"})
		}
	}
	return l
}

func TestCertainEditsMatchesPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, size := range []int{5, 20, 100, 1000} {
		for range 200 {
			l := randomFixes(r, 1+r.IntN(40), size)
			got, n := certainEdits(l)
			want, wantN := pairwiseEdits(l)
			if n != wantN || !reflect.DeepEqual(got, want) {
				t.Fatalf("certainEdits = %v, %d; want %v, %d", got, n, want, wantN)
			}
		}
	}
}

// TestCertainEditsScaling checks that choosing among 10 times as many
// fixes takes less than 20 times the steps and bytes: n log n, where
// comparing each fix with those taken was quadratic.
func TestCertainEditsScaling(t *testing.T) {
	const n = 5000
	cost := func(k int) (steps int, bytes uint64) {
		l := randomFixes(rand.New(rand.NewPCG(3, 4)), k, 4*k)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _, steps = takeEdits(l)
		runtime.ReadMemStats(&after)
		return steps, after.TotalAlloc - before.TotalAlloc
	}
	ss, sb := cost(n)
	ls, lb := cost(10 * n)
	t.Logf("%d → %d fixes: %d → %d steps (%.1f×), %d → %d bytes (%.1f×)",
		n, 10*n, ss, ls, float64(ls)/float64(ss), sb, lb, float64(lb)/float64(sb))
	if ls >= 20*ss {
		t.Errorf("10× the fixes took %.1f× the steps", float64(ls)/float64(ss))
	}
	if lb >= 20*sb {
		t.Errorf("10× the fixes allocated %.1f× the bytes", float64(lb)/float64(sb))
	}
}

// BenchmarkCertainEdits chooses among 100,000 fixes, one replacement each,
// none overlapping.
func BenchmarkCertainEdits(b *testing.B) {
	const n = 100000
	src := diag.NewSource("t", make([]byte, 4*n))
	l := make(diag.List, n)
	for i := range l {
		l[i].Suggestions = []diag.Suggestion{{Edits: []diag.Edit{{Range: src.Range(4*i, 4*i+3), NewText: "x"}}}}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, k := certainEdits(l); k != n {
			b.Fatalf("%d fixes; want %d", k, n)
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
