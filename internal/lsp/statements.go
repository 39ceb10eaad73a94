package lsp

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
)

// stmt is one statement of a document with its byte span.
type stmt struct {
	q          *ast.Query
	start, end int // the span of the query, without its ';'
	semi       int // just past the ';' that ends it, or end without one
}

// contains reports whether the byte offset off is in the statement or
// at its end (a cursor just after the last word, or after the ';').
func (s stmt) contains(off int) bool { return s.start <= off && off <= s.semi }

// statements returns the statements of text, in order, as the parser
// reads them; fn, when not nil, is called with each and stops the reading
// by returning false.
func statements(text string, fn func(stmt) bool) []stmt {
	var out []stmt
	it := parser.NewStatements("", []byte(text))
	for it.Next() {
		q := it.Query()
		if !q.Rng.Start.IsValid() {
			continue
		}
		s := stmt{q: q, start: q.Rng.Start.Offset, end: q.Rng.End.Offset}
		s.semi = semicolonEnd(text, s.end)
		if fn != nil && !fn(s) {
			return append(out, s)
		}
		out = append(out, s)
	}
	return out
}

// statementAt returns the statement at the byte offset off: the one that
// holds it, else none.
func statementAt(text string, off int) (stmt, bool) {
	var found stmt
	ok := false
	statements(text, func(s stmt) bool {
		if s.contains(off) {
			found, ok = s, true
			return false
		}
		return s.start <= off
	})
	return found, ok
}

// semicolonEnd returns the offset just past the ';' that follows end
// (after blanks and comments), or end when the next token is another.
func semicolonEnd(text string, end int) int {
	sc := lexer.NewScanner(text[end:])
	for {
		t := sc.Next()
		switch {
		case t.Kind == lexer.Comment:
			continue
		case t.IsPunct(";"):
			return end + t.End()
		}
		return end
	}
}
