package cli

import (
	"bytes"
	"fmt"
	"math/bits"
	"slices"
	"sort"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/parser"
)

// maxFixPasses bounds the lint-and-fix rounds of --fix: a fix can bring
// new certain fixes to light (a corrected entity name lets its fields be
// checked), but never without end.
const maxFixPasses = 4

// fixInput applies the certain fixes to in. A file is rewritten in place
// when its text changed and still parses; standard input and -q get their
// fixed text printed to standard output. It returns the input to lint:
// the fixed one, or in itself when the fixes were not applied.
func (l *linter) fixInput(in *input) (*input, int) {
	fixed, n, err := fixText(in.name, in.text, func(text []byte) diag.List { return l.check(in.name, text) })
	switch {
	case err != nil:
		l.e.errorf("not fixing %s: %v", in.name, err)
	case n > 0 && in.path != "":
		if err := frontend.RewriteFile(in.path, fixed); err != nil {
			l.e.errorf("%v", err)
			return in, ExitUsage
		}
		fmt.Fprintf(l.e.stderr, "fixed %s in %s\n", plural(n, "problem"), in.name)
	case n > 0:
		fmt.Fprintf(l.e.stderr, "fixed %s in %s\n", plural(n, "problem"), in.name)
	}
	if in.path == "" {
		out := in.text
		if err == nil {
			out = fixed
		}
		if in.name == queryName && !bytes.HasSuffix(out, []byte("\n")) {
			out = append(slices.Clip(out), '\n')
		}
		if code := writeOut(l.e, out); code != ExitOK {
			return in, code
		}
	}
	if err != nil || n == 0 {
		return in, ExitOK
	}
	return &input{name: in.name, path: in.path, text: fixed}, ExitOK
}

// fixText applies the certain fixes of the diagnostics check finds in
// text, and again on the result, until none is left or [maxFixPasses]
// rounds are done. It returns the fixed text and the number of fixes. When
// the result would not parse, it returns an error and text unchanged.
func fixText(name string, text []byte, check func([]byte) diag.List) ([]byte, int, error) {
	total := 0
	out := text
	for range maxFixPasses {
		edits, n := certainEdits(check(out))
		if n == 0 {
			break
		}
		out, total = applyEdits(out, edits), total+n
	}
	if total == 0 {
		return text, 0, nil
	}
	if _, diags := parser.ParseFile(name, out); diags.HasErrors() {
		return text, 0, fmt.Errorf("the fixed text would have syntax errors (%s)", diags[0].FormatLine(""))
	}
	return out, total, nil
}

// certainEdits returns the edits of the diagnostics of l that have exactly
// one suggestion with edits (a canonical spelling, a did-you-mean with one
// candidate), without those that overlap an edit taken before, sorted by
// position, and the number of diagnostics they fix.
func certainEdits(l diag.List) ([]diag.Edit, int) {
	edits, n, _ := takeEdits(l)
	return edits, n
}

// takeEdits is certainEdits; it also returns the number of steps it took
// (edits sorted and looked at, and steps in the tree of taken edits), which
// grows as n log n with the number n of edits.
//
// The edits of the candidate diagnostics are sorted by start once. The
// edits taken so far never overlap, so sorted by start they are sorted by
// end too: an edit overlaps one of them exactly when it overlaps the last
// taken edit that starts before it ends, or one that starts where it
// starts. A Fenwick tree over the sorted edits finds those neighbours.
func takeEdits(l diag.List) ([]diag.Edit, int, int) {
	var cands []int // indexes in l of the diagnostics with certain edits
	total := 0
	for i, d := range l {
		if len(d.Suggestions) == 1 && len(d.Suggestions[0].Edits) > 0 {
			cands = append(cands, i)
			total += len(d.Suggestions[0].Edits)
		}
	}
	if total == 0 {
		return nil, 0, 0
	}
	all := make([]diag.Edit, 0, total)
	for _, i := range cands {
		all = append(all, l[i].Suggestions[0].Edits...)
	}
	order := make([]int, total) // positions in all, sorted by start
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return all[a].Range.Start.Offset - all[b].Range.Start.Offset })
	rank := make([]int, total) // position in all → position in order
	starts := make([]int, total)
	for r, i := range order {
		rank[i] = r
		starts[r] = all[i].Range.Start.Offset
	}
	logN := bits.Len(uint(total)) + 1
	steps := total * logN // the sort
	taken := newFenwick(total)
	// overlapsTaken reports whether e overlaps a taken edit.
	overlapsTaken := func(e diag.Edit) bool {
		s, end := e.Range.Start.Offset, e.Range.End.Offset
		before := sort.SearchInts(starts, end) // the edits that start before e ends
		at := sort.SearchInts(starts, s)       // the edits that start where e starts
		past := sort.SearchInts(starts, s+1)
		steps += 3 * logN
		p, k := taken.last(before)
		steps += k
		if p >= 0 && s < all[order[p]].Range.End.Offset {
			return true
		}
		q, k := taken.last(past)
		steps += k
		return q >= at
	}
	n, first := 0, 0
	for _, c := range cands {
		edits := all[first : first+len(l[c].Suggestions[0].Edits)]
		ranks := rank[first : first+len(edits)]
		first += len(edits)
		steps += len(edits) * logN // validEdits
		if !validEdits(edits) || slices.ContainsFunc(edits, overlapsTaken) {
			continue
		}
		for _, r := range ranks {
			steps += taken.add(r)
		}
		n++
	}
	var out []diag.Edit
	for r := range total {
		if taken.has(r) {
			out = append(out, all[order[r]])
		}
	}
	return out, n, steps + total
}

// validEdits reports whether every edit has a valid range and none overlaps
// another of the same set.
func validEdits(edits []diag.Edit) bool {
	for _, e := range edits {
		if !e.Range.Start.IsValid() || e.Range.End.Offset < e.Range.Start.Offset {
			return false
		}
	}
	if len(edits) == 1 {
		return true
	}
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b diag.Edit) int { return a.Range.Start.Offset - b.Range.Start.Offset })
	end := sorted[0].Range.End.Offset
	for i := 1; i < len(sorted); i++ {
		if overlaps(sorted[i-1], sorted[i]) || sorted[i].Range.Start.Offset < end {
			return false
		}
		end = max(end, sorted[i].Range.End.Offset)
	}
	return true
}

// overlaps reports whether edits x and y touch. Two insertions at one
// offset count as overlapping: their order is unknown.
func overlaps(x, y diag.Edit) bool {
	xs, xe := x.Range.Start.Offset, x.Range.End.Offset
	ys, ye := y.Range.Start.Offset, y.Range.End.Offset
	return xs < ye && ys < xe || xs == ys
}

// fenwick is a Fenwick tree of counts over positions 0…n-1: it marks
// positions and finds the last marked one before a position, each in
// O(log n) steps.
type fenwick struct {
	tree []int // 1-based partial sums
	mark []bool
}

func newFenwick(n int) *fenwick {
	return &fenwick{tree: make([]int, n+1), mark: make([]bool, n)}
}

// add marks position i and returns the steps it took.
func (f *fenwick) add(i int) int {
	f.mark[i] = true
	steps := 0
	for j := i + 1; j < len(f.tree); j += j & -j {
		f.tree[j]++
		steps++
	}
	return steps
}

// has reports whether position i is marked.
func (f *fenwick) has(i int) bool { return f.mark[i] }

// last returns the last marked position before i, or -1, and the steps it
// took.
func (f *fenwick) last(i int) (int, int) {
	// count the marks before i, then find the position of the count-th.
	count, steps := 0, 0
	for j := i; j > 0; j -= j & -j {
		count += f.tree[j]
		steps++
	}
	if count == 0 {
		return -1, steps
	}
	pos := 0 // the largest prefix with fewer than count marks
	for bit := 1 << (bits.Len(uint(len(f.tree)-1)) - 1); bit > 0; bit >>= 1 {
		steps++
		if next := pos + bit; next < len(f.tree) && f.tree[next] < count {
			pos = next
			count -= f.tree[next]
		}
	}
	return pos, steps // position pos (0-based) is the count-th mark
}

// applyEdits returns text with the edits, sorted and disjoint, applied.
func applyEdits(text []byte, edits []diag.Edit) []byte {
	var out []byte
	last := 0
	for _, e := range edits {
		start, end := min(e.Range.Start.Offset, len(text)), min(e.Range.End.Offset, len(text))
		if start < last {
			continue
		}
		out = append(out, text[last:start]...)
		out = append(out, e.NewText...)
		last = end
	}
	return append(out, text[last:]...)
}

// plural returns "1 problem" or "n problems".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
