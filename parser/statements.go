package parser

import (
	"slices"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// Statements reads the statements of a source one at a time, as
// [ParseFile] parses them, so that a caller that handles each statement
// in turn (a linter, a formatter, a translator) holds one tree at a time,
// not the whole file's:
//
//	s := parser.NewStatements(name, src)
//	for s.Next() {
//		use(s.Query(), s.Comments(), s.Diagnostics())
//	}
//	trailing, fileDiags := s.Comments(), s.Diagnostics()
//
// The queries, comments and diagnostics that Next gives, in order, are
// those of ParseFile, and so are the diagnostics once sorted.
type Statements struct {
	p       *parser
	comment ast.File // the comments read for the current statement
	query   *ast.Query
	diags   diag.List
	inRun   bool // the statement's tokens hold more queries (no ';' between)
	lexSeen int  // the scanner's diagnostics already given out
	count   int  // the statements read
	done    bool
}

// NewStatements returns a reader of the statements of src. name is not
// read; it is there to mirror ParseFile.
func NewStatements(name string, src []byte) *Statements {
	return &Statements{p: newParser(string(src))}
}

// Next reads the next non-empty statement and reports whether there was
// one. At the end of the source, [Statements.Comments] and
// [Statements.Diagnostics] give what follows the last statement.
func (s *Statements) Next() bool {
	if s.done {
		return false
	}
	s.query, s.diags = nil, nil
	s.comment.Comments = nil
	if !s.inRun && !s.p.nextStatement(&s.comment) {
		s.finish()
		return false
	}
	q, ds := s.p.parseStatement()
	s.inRun = !s.p.atEOF()
	s.query = q
	s.count++
	ds.Sort()
	s.diags = mergeSorted(s.newLexical(), ds)
	return true
}

// Query is the statement read by the last call of Next, possibly
// partial; nil at the end.
func (s *Statements) Query() *ast.Query { return s.query }

// Comments returns the comments read with the last statement: those
// between the previous statement and its end. At the end of the source
// it returns the comments after the last statement.
func (s *Statements) Comments() []*ast.Comment { return s.comment.Comments }

// Diagnostics returns the diagnostics of the last statement, sorted:
// syntax ones and lexical ones of its text and of the comments before
// it. At the end of the source it returns the rest: lexical problems
// after the last statement and, for a source without statements, the
// [CodeEmpty] warning.
func (s *Statements) Diagnostics() diag.List { return s.diags }

// finish collects what follows the last statement and releases the
// parser's buffers.
func (s *Statements) finish() {
	s.done = true
	s.diags = s.newLexical()
	if s.count == 0 && !s.diags.HasErrors() {
		s.diags = mergeSorted(diag.List{{
			Severity: diag.Warning, Code: CodeEmpty, Message: "no statements: the input holds no query",
			Range: diag.Range{Start: startPos, End: startPos},
		}}, s.diags)
	}
	s.p.release()
}

// newLexical returns the scanner's diagnostics not given out yet,
// sorted.
func (s *Statements) newLexical() diag.List {
	all := s.p.sc.Diagnostics()
	if s.lexSeen == len(all) {
		return nil
	}
	lex := slices.Clone(all[s.lexSeen:])
	s.lexSeen = len(all)
	lex.Sort()
	return lex
}
