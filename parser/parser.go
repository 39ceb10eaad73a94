package parser

import (
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
)

// MaxNesting is the deepest nesting of parentheses, sub-queries and NOT
// that a statement may have. Deeper statements are rejected with
// [CodeNestingTooDeep] before parsing, which bounds the parser's recursion.
const MaxNesting = 100

// ParseFile parses a file of statements separated by ';'. Every statement
// is parsed on its own, so an error in one does not hide the others, and
// yields one (possibly partial) query; empty statements are skipped. The
// file keeps every comment. A file without statements gets a
// [CodeEmpty] warning. The diagnostics are sorted by position.
func ParseFile(name string, src []byte) (*ast.File, diag.List) {
	res := lexer.Scan(name, string(src))
	f := &ast.File{Name: name, Comments: lowerComments(res.Comments)}
	var diags diag.List
	for _, st := range splitStatements(res.Tokens, res.Diags) {
		q, ds := parseStatement(st)
		f.Queries = append(f.Queries, q)
		diags = append(diags, ds...)
	}
	if len(f.Queries) == 0 && !res.Diags.HasErrors() {
		diags = append(diags, diag.Diagnostic{
			Severity: diag.Warning, Code: CodeEmpty, Message: "no statements: the input holds no query",
			Range: diag.Range{Start: startPos, End: startPos},
		})
	}
	if len(diags) == 0 {
		return f, res.Diags // sorted by the lexer
	}
	diags.Sort()
	return f, mergeSorted(res.Diags, diags)
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
	res := lexer.Scan(name, string(src))
	st := statement{toks: res.Tokens, lexErr: firstError(res.Diags)}
	if len(st.toks) == 1 { // only EOF
		diags := res.Diags
		if !diags.HasErrors() {
			diags = append(diags, diag.Errorf(CodeSyntax, diag.Range{Start: startPos, End: startPos}, "empty condition: expected a field"))
		}
		return &ast.BadExpr{Rng: diag.Range{Start: startPos, End: startPos}}, diags
	}
	e, ds := parseCondition(st)
	ds.Sort()
	return e, mergeSorted(res.Diags, ds)
}

// ParseLiteral parses one literal: a string, a number, a date, TRUE, FALSE,
// NULL or a parameter, as given to `-p name=value`. On error the literal is
// nil.
func ParseLiteral(src string) (ast.Literal, diag.List) {
	res := lexer.Scan("", src)
	diags := res.Diags
	if diags.HasErrors() {
		return nil, diags
	}
	toks := res.Tokens
	switch {
	case len(toks) == 1:
		return nil, append(diags, diag.Errorf(CodeSyntax, lexer.Range(toks[0]), "empty value: expected a literal"))
	case !isLiteralToken(toks[0]):
		return nil, append(diags, diag.Errorf(CodeSyntax, lexer.Range(toks[0]),
			"expected a string, number, date, TRUE, FALSE, NULL or parameter, found %s", describe(toks[0], false)))
	case len(toks) > 2:
		return nil, append(diags, diag.Errorf(CodeSyntax, lexer.Range(toks[1]),
			"unexpected %s after the value", describe(toks[1], false)))
	}
	return lowerLiteral(toks[0]), diags
}

// Grammar returns the EBNF of the grammar, as participle prints it.
func Grammar() string { return queryParser.String() }
