package cli

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/czql/czql/diag"
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
		if err := writeFileAtomic(in.path, fixed); err != nil {
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
	var taken []diag.Edit
	n := 0
	for _, d := range l {
		if len(d.Suggestions) != 1 || len(d.Suggestions[0].Edits) == 0 {
			continue
		}
		edits := d.Suggestions[0].Edits
		if !validEdits(edits) || overlapsAny(edits, taken) {
			continue
		}
		taken = append(taken, edits...)
		n++
	}
	slices.SortFunc(taken, func(a, b diag.Edit) int { return a.Range.Start.Offset - b.Range.Start.Offset })
	return taken, n
}

// validEdits reports whether every edit has a valid range and none overlaps
// another of the same set.
func validEdits(edits []diag.Edit) bool {
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

// overlapsAny reports whether an edit of a touches an edit of b. Two
// insertions at one offset count as overlapping: their order is unknown.
func overlapsAny(a, b []diag.Edit) bool {
	for _, x := range a {
		for _, y := range b {
			xs, xe := x.Range.Start.Offset, x.Range.End.Offset
			ys, ye := y.Range.Start.Offset, y.Range.End.Offset
			if xs < ye && ys < xe || xs == ys {
				return true
			}
		}
	}
	return false
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
