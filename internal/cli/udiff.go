package cli

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffContext is the number of unchanged lines shown around each change.
const diffContext = 3

// diffLine is one line of a line diff: op is ' ' (kept), '-' (removed) or
// '+' (added); text includes the line's newline when it has one.
type diffLine struct {
	op   byte
	text string
}

// hunk is one "@@ -a,b +c,d @@" block of a unified diff.
type hunk struct {
	oldStart, oldLen int
	newStart, newLen int
	lines            []diffLine
}

// unifiedDiff returns a unified diff from a to b with the given file names
// in its "---" and "+++" headers, or nil when a and b are equal.
func unifiedDiff(oldName, newName string, a, b []byte) []byte {
	hs := makeHunks(diffLines(string(a), string(b)), diffContext)
	if len(hs) == 0 {
		return nil
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hs {
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(h.oldStart, h.oldLen), hunkRange(h.newStart, h.newLen))
		for _, l := range h.lines {
			out.WriteByte(l.op)
			out.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return []byte(out.String())
}

// hunkRange formats one side of a hunk header as GNU diff does: "start"
// for one line, "start,len" otherwise, with an empty side placed at the
// line before it.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start-1)
	case 1:
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// diffLines returns the line diff of a and b, computed by go-diff in line
// mode.
func diffLines(a, b string) []diffLine {
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToRunes(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(ca, cb, false), lines)
	var out []diffLine
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, text := range strings.SplitAfter(d.Text, "\n") {
			if text != "" {
				out = append(out, diffLine{op, text})
			}
		}
	}
	return out
}

// makeHunks groups the changed lines into hunks with ctx lines of context,
// merging changes separated by at most 2*ctx unchanged lines.
func makeHunks(lines []diffLine, ctx int) []hunk {
	oldAt, newAt := lineNumbers(lines)
	var out []hunk
	for i := 0; i < len(lines); {
		if lines[i].op == ' ' {
			i++
			continue
		}
		last := i
		for j := i; j < len(lines); j++ {
			if lines[j].op != ' ' {
				last = j
			} else if j-last > 2*ctx {
				break
			}
		}
		start, end := max(0, i-ctx), min(len(lines), last+ctx+1)
		h := hunk{oldStart: oldAt[start], newStart: newAt[start], lines: lines[start:end]}
		for _, l := range h.lines {
			if l.op != '+' {
				h.oldLen++
			}
			if l.op != '-' {
				h.newLen++
			}
		}
		out = append(out, h)
		i = end
	}
	return out
}

// lineNumbers returns, for each diff line, the 1-based line number it has
// (or would have) in the old and in the new text.
func lineNumbers(lines []diffLine) (oldAt, newAt []int) {
	oldAt, newAt = make([]int, len(lines)), make([]int, len(lines))
	o, n := 1, 1
	for i, l := range lines {
		oldAt[i], newAt[i] = o, n
		if l.op != '+' {
			o++
		}
		if l.op != '-' {
			n++
		}
	}
	return oldAt, newAt
}
