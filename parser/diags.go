package parser

import "github.com/czql/czql/diag"

// mergeSorted merges two lists sorted as [diag.List.Sort] sorts, in linear
// time: the lexer may report a million problems in random bytes.
func mergeSorted(a, b diag.List) diag.List {
	out := make(diag.List, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// compare orders diagnostics as diag.List.Sort does, for slices functions.
func compare(x, y diag.Diagnostic) int {
	switch {
	case less(x, y):
		return -1
	case less(y, x):
		return 1
	}
	return 0
}

// less orders diagnostics as diag.List.Sort does.
func less(x, y diag.Diagnostic) bool {
	if x.Range.Start.Offset != y.Range.Start.Offset {
		return x.Range.Start.Offset < y.Range.Start.Offset
	}
	if x.Range.End.Offset != y.Range.End.Offset {
		return x.Range.End.Offset < y.Range.End.Offset
	}
	return x.Code < y.Code
}

// withoutCode returns ds without the diagnostics of the given code.
func withoutCode(ds diag.List, code string) diag.List {
	out := ds[:0:0]
	for _, d := range ds {
		if d.Code != code {
			out = append(out, d)
		}
	}
	return out
}

// before returns the diagnostics of ds that start before offset off.
func before(ds diag.List, off int) diag.List {
	out := ds[:0:0]
	for _, d := range ds {
		if d.Range.Start.Offset < off {
			out = append(out, d)
		}
	}
	return out
}
