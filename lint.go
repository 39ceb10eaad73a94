package czql

import (
	"slices"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// Lint checks a .czql text: its syntax, and with [WithMetadata] every
// statement without syntax errors against the organisation's metadata.
// The `-- czql:ignore CODE` comments of the text and the rules of
// [WithConfig] are applied. The diagnostics are sorted by position. Lint
// reads no file: the caller finds the configuration and the metadata.
//
// The text is read one statement at a time: Lint holds the diagnostics
// and one statement's tree, never the whole file's.
func Lint(name string, src []byte, opts ...Option) diag.List {
	var diags diag.List
	eachStatement(name, src, collect(opts), func(_ *ast.Query, ds diag.List) bool {
		diags = append(diags, ds...)
		return true
	})
	return sorted(diags)
}

// eachStatement lints src one statement at a time and calls fn with each
// statement and its diagnostics — syntax, then the checks against the
// metadata of o (for a statement without syntax errors), less what the
// czql:ignore comments silence, with the severities of o's configuration
// — in source order; the last call has a nil query and the diagnostics
// of the file itself (an empty file, problems after the last statement).
// fn returns false to stop.
func eachStatement(name string, src []byte, o *options, fn func(*ast.Query, diag.List) bool) {
	stmts := parser.NewStatements(name, src)
	sup := &suppressor{text: src}
	var pending *ast.Query
	var pendingDiags diag.List
	flush := func(next diag.Pos) bool {
		ds := o.cfg.Apply(sup.filter(pendingDiags))
		sup.forget(next)
		return fn(pending, ds)
	}
	for stmts.Next() {
		q := stmts.Query()
		ds := stmts.Diagnostics()
		if o.md != nil && !ds.HasErrors() {
			_, checks := validate.Check(q, o.md)
			ds = sorted(append(slices.Clip(ds), checks...))
		}
		sup.add(stmts.Comments(), q)
		if pending != nil && !flush(q.Rng.Start) {
			return
		}
		pending, pendingDiags = q, ds
	}
	sup.add(stmts.Comments(), nil)
	if pending != nil && !flush(diag.Pos{Offset: len(src), Line: 1 << 30}) {
		return
	}
	pending, pendingDiags = nil, stmts.Diagnostics()
	flush(diag.Pos{Offset: len(src), Line: 1 << 30})
}

// sorted returns l sorted by position; a list already in order (the
// usual case) is not copied or moved.
func sorted(l diag.List) diag.List {
	if !slices.IsSortedFunc(l, compareDiags) {
		l.Sort()
	}
	return l
}

// compareDiags orders diagnostics as diag.List.Sort does.
func compareDiags(a, b diag.Diagnostic) int {
	if a.Range.Start.Offset != b.Range.Start.Offset {
		return a.Range.Start.Offset - b.Range.Start.Offset
	}
	if a.Range.End.Offset != b.Range.End.Offset {
		return a.Range.End.Offset - b.Range.End.Offset
	}
	switch {
	case a.Code < b.Code:
		return -1
	case a.Code > b.Code:
		return 1
	}
	return 0
}
