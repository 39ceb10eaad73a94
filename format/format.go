package format

import (
	"io"
	"reflect"

	"github.com/czql/czql/ast"
)

// File writes f in canonical form with all its comments: every statement
// ends with ';', statements are separated by one blank line, and the
// output ends with one newline (an empty file gives no output). It writes
// nothing and returns an error when f cannot be printed faithfully: it
// holds an [ast.BadExpr], lacks a required part, or has a name or literal
// the lexer would not read back.
func File(w io.Writer, f *ast.File) error {
	if f == nil {
		return nil
	}
	p := newPrinter(f.Comments)
	p.file(f)
	return p.output(w)
}

// Query returns q in canonical form without comments and without a final
// ';'. A long query spans several lines (with no final newline). Parts a
// hand-built or partial tree lacks print as placeholders such as
// "<missing field>"; use [Node] to get an error instead.
func Query(q *ast.Query) string {
	p := newPrinter(nil)
	p.query(q, 0)
	return string(p.buf)
}

// Node writes n in canonical form: an [*ast.File] as [File] does, an
// [*ast.Query] as [Query] does, and any other node (a condition, a
// literal, a field, a clause…) by the rules it follows inside a query,
// starting at column 0: on one line unless that line would be too long.
// Only a File's comments are written. Node writes nothing and
// returns an error when n cannot be printed faithfully (see [File]).
func Node(w io.Writer, n ast.Node) error {
	if f, ok := n.(*ast.File); ok {
		return File(w, f)
	}
	if isNilNode(n) {
		return nil
	}
	p := newPrinter(nil)
	p.node(n)
	return p.output(w)
}

// output writes the printed text to w, or returns the printing error.
func (p *printer) output(w io.Writer) error {
	if p.err != nil {
		return p.err
	}
	_, err := w.Write(p.buf)
	return err
}

// isNilNode reports whether n is nil or a typed nil pointer.
func isNilNode(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
