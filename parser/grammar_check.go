package parser

import "github.com/czql/czql/ast"

// This file serves the differential test and fuzz target that hold the
// parser to the grammar of record (internal/grammar).

// parseGrammar parses src as exactly one statement (a trailing ';'
// allowed) and reports whether it follows the grammar of record: no syntax
// error and no lexical error. Restrictions (clauses a sub-query may not
// have, nested relation sub-selects, aggregates in sub-queries) do not
// make it false: the grammar accepts those.
func parseGrammar(src []byte) (*ast.Query, bool) {
	p := newParser(string(src))
	f := &ast.File{}
	if !p.nextStatement(f) {
		return &ast.Query{}, false
	}
	q, _ := p.parseStatement()
	ok := !p.failed && p.atEOF()
	ok = ok && !p.nextStatement(f) && !p.sc.Diagnostics().HasErrors()
	return q, ok
}

// parseGrammarCondition does the same for a bare condition.
func parseGrammarCondition(src []byte) (ast.Expr, bool) {
	p := newParser(string(src))
	p.readAll()
	if len(p.toks) == 1 {
		return &ast.BadExpr{}, false
	}
	e, _ := p.parseCondition()
	return e, !p.failed && !p.sc.Diagnostics().HasErrors()
}
