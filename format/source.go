package format

import (
	"bytes"
	"io"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// Source parses src as a .czql file named name and returns it in canonical
// form. When the file has syntax errors it returns nil and the
// diagnostics: a broken file is never printed. Otherwise the diagnostics,
// if any, are remarks of lower severity.
//
// The file is read and printed one statement at a time, so that no more
// than one statement's tree is held, whatever the size of the file.
func Source(name string, src []byte) ([]byte, diag.List) {
	var buf bytes.Buffer
	diags, err := printSource(&buf, name, src)
	if err != nil || diags.HasErrors() {
		return nil, withPrintError(diags, err)
	}
	return buf.Bytes(), diags
}

// WriteSource is [Source] writing to w as it goes, for files of any size:
// it holds neither the trees nor the output. It reads src twice, first to
// make sure it prints, so that w gets nothing when src has syntax errors
// or cannot be printed. A failed write of w is returned as an error.
func WriteSource(w io.Writer, name string, src []byte) (diag.List, error) {
	diags, err := printSource(io.Discard, name, src)
	if err != nil || diags.HasErrors() {
		return withPrintError(diags, err), nil
	}
	sw := &sink{w: w}
	if _, err := printSource(sw, name, src); err != nil {
		return diags, sw.err
	}
	return diags, nil
}

// withPrintError adds err, a statement that cannot be printed, to diags.
func withPrintError(diags diag.List, err error) diag.List {
	if err == nil {
		return diags
	}
	return append(diags, diag.Errorf("format", diag.Range{}, "%v", err))
}

// sink is w remembering its first write error, to tell it from a
// statement that cannot be printed.
type sink struct {
	w   io.Writer
	err error
}

// Write writes to w, once w has not failed.
func (s *sink) Write(b []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(b)
	s.err = err
	return n, err
}

// printSource parses src one statement at a time and writes the
// canonical form of each to w, whole lines at a time. It returns every
// diagnostic of the parse and the first error that stopped the printing:
// a statement that cannot be printed or a failed write. After a syntax
// error nothing more is written.
func printSource(w io.Writer, name string, src []byte) (diag.List, error) {
	stmts := parser.NewStatements(name, src)
	p := newPrinter(nil)
	var diags diag.List
	var prev *ast.Query
	var err error
	for stmts.Next() {
		diags = append(diags, stmts.Diagnostics()...)
		if err != nil || diags.HasErrors() {
			continue
		}
		p.addComments(stmts.Comments())
		p.statement(prev, stmts.Query())
		prev = stmts.Query()
		err = p.flushLines(w)
	}
	diags = append(diags, stmts.Diagnostics()...)
	if err != nil || diags.HasErrors() {
		return diags, err
	}
	p.addComments(stmts.Comments())
	p.end()
	return diags, p.output(w)
}
