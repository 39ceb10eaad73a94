package parser

import (
	"slices"
	"sync"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// The codes of the parser's diagnostics. They are stable: tools and
// suppression comments rely on them. Lexical problems keep the codes of
// package lexer.
const (
	// CodeSyntax marks text that does not follow the grammar.
	CodeSyntax = "syntax"
	// CodeNestingTooDeep marks a statement nested more than MaxNesting
	// levels deep; it is not parsed.
	CodeNestingTooDeep = "nesting-too-deep"
	// CodeUnsupported marks SQL that CZQL does not have (BETWEEN, HAVING,
	// JOIN, DISTINCT, a field compared with a field) or a clause a
	// sub-query may not have.
	CodeUnsupported = "unsupported"
	// CodeEmpty marks a file without any statement. It is a warning.
	CodeEmpty = "no-statements"
	// CodeTooManyErrors marks the point where the parser stopped reporting
	// (see MaxDiagnostics).
	CodeTooManyErrors = "too-many-errors"
)

// MaxNesting is the deepest nesting of parentheses, sub-queries and NOT
// that a statement may have. Deeper statements are rejected with
// [CodeNestingTooDeep] before parsing, which bounds the parser's recursion.
const MaxNesting = 100

// ParseFile parses a file of statements separated by ';'. Every statement
// yields one (possibly partial) query, and an error in one hides no other;
// empty statements are skipped. The file keeps every comment. A file
// without statements gets a [CodeEmpty] warning. The diagnostics are
// sorted by position.
//
// The source is lexed one statement at a time, so the memory the parser
// needs beyond the tree follows the largest statement, not the file.
func ParseFile(name string, src []byte) (*ast.File, diag.List) {
	f, diags, _ := parseFile(name, src)
	return f, diags
}

// parseFile is ParseFile; it also returns the number of steps the parser
// took, for the tests that hold its work linear in the input.
func parseFile(name string, src []byte) (*ast.File, diag.List, int) {
	s := NewStatements(name, src)
	f := &ast.File{Name: name}
	var diags diag.List
	for s.Next() {
		f.Queries = append(f.Queries, s.Query())
		f.Comments = append(f.Comments, s.Comments()...)
		diags = append(diags, s.Diagnostics()...)
	}
	f.Comments = append(f.Comments, s.Comments()...)
	diags = append(diags, s.Diagnostics()...)
	if !slices.IsSortedFunc(diags, compare) {
		diags.Sort()
	}
	return f, diags, s.p.steps
}

// startPos is the position of the first byte of a source.
var startPos = diag.Pos{Offset: 0, Line: 1, Col: 1}

// ParseQuery parses exactly one statement; a trailing ';' is allowed. Empty
// input is a [CodeSyntax] error, and so is a second statement, which is not
// parsed. The query is never nil: it is partial, or empty, on error.
func ParseQuery(name string, src []byte) (*ast.Query, diag.List) {
	f, diags := ParseFile(name, src)
	switch {
	case len(f.Queries) == 0:
		diags = withoutCode(diags, CodeEmpty)
		if !diags.HasErrors() {
			diags = append(diags, diag.Errorf(CodeSyntax, diag.Range{Start: startPos, End: startPos}, "empty query: expected SELECT"))
		}
		return &ast.Query{}, diags
	case len(f.Queries) > 1:
		second := f.Queries[1]
		r := second.Rng
		if second.Select != nil {
			r = second.Select.Keyword
		}
		diags = before(diags, r.Start.Offset)
		diags = append(diags, diag.Errorf(CodeSyntax, r, "expected one query, found a second statement"))
	}
	return f.Queries[0], diags
}

// ParseCondition parses a bare WHERE condition, such as the text of a
// cZQLCondition: `State IN ("Active","Draft") and StartDate>:p`. Empty input
// is a [CodeSyntax] error. The result is never nil: an unparsable condition
// is, or contains, an [ast.BadExpr].
func ParseCondition(name string, src []byte) (ast.Expr, diag.List) {
	p := newParser(string(src))
	p.readAll()
	lex := p.sc.Diagnostics()
	if len(p.toks) == 1 { // only EOF
		if !lex.HasErrors() {
			lex = append(lex, diag.Errorf(CodeSyntax, diag.Range{Start: startPos, End: startPos}, "empty condition: expected a field"))
		}
		return &ast.BadExpr{Rng: diag.Range{Start: startPos, End: startPos}}, lex
	}
	e, ds := p.parseCondition()
	p.release()
	lex = append(diag.List(nil), lex...)
	lex.Sort()
	ds.Sort()
	return e, mergeSorted(lex, ds)
}

// ParseLiteral parses one literal: a string, a number, a date, TRUE, FALSE,
// NULL or a parameter, as given to `-p name=value`. On error the literal is
// nil.
func ParseLiteral(src string) (ast.Literal, diag.List) {
	p := newParser(src)
	p.readAll()
	diags := p.sc.Diagnostics()
	if diags.HasErrors() {
		return nil, diags
	}
	toks := p.toks
	switch {
	case len(toks) == 1:
		return nil, append(diags, diag.Errorf(CodeSyntax, p.rng(toks[0]), "empty value: expected a literal"))
	case !isLiteralToken(toks[0]):
		return nil, append(diags, diag.Errorf(CodeSyntax, p.rng(toks[0]),
			"expected a string, number, date, TRUE, FALSE, NULL or parameter, found %s", describe(toks[0], false)))
	case len(toks) > 2:
		return nil, append(diags, diag.Errorf(CodeSyntax, p.rng(toks[1]),
			"unexpected %s after the value", describe(toks[1], false)))
	}
	return p.literal(toks[0]), diags
}

// Grammar returns the EBNF of the grammar of record, which /grammar.ebnf
// holds and a test keeps equal to the participle grammar in
// internal/grammar.
func Grammar() string { return ebnf }

// newParser returns a parser over src.
func newParser(src string) *parser {
	p := &parser{sc: lexer.NewScanner(src), lastFail: -1}
	if b, ok := tokenBuffers.Get().(*[]lexer.Token); ok {
		p.toks = (*b)[:0]
	} else {
		p.toks = make([]lexer.Token, 0, 256)
	}
	return p
}

// tokenBuffers keeps the token buffers of finished parses for the next
// ones. A buffer is returned only when it is small: a huge statement's
// buffer is left to the garbage collector.
var tokenBuffers sync.Pool

// release returns the token buffer for reuse; p must not be used after.
func (p *parser) release() {
	if cap(p.toks) <= 4096 {
		b := p.toks[:0]
		tokenBuffers.Put(&b)
	}
	p.toks = nil
}

// sizeSlabs sizes the first chunks of the slabs for a statement of n
// tokens, the first time it is called.
func (p *parser) sizeSlabs(n int) {
	if p.idents.next != 0 {
		return
	}
	p.idents, p.fields, p.segs = newSlab[ast.Ident](n/2), newSlab[ast.FieldRef](n/4), newSlab[*ast.Ident](n/2)
	p.compares, p.binaries = newSlab[ast.CompareExpr](n/8), newSlab[ast.BinaryExpr](n/8)
	p.strs, p.nums = newSlab[ast.StringLit](n/16), newSlab[ast.NumberLit](n/16)
}
