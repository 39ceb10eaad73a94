package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// nextStatement reads the tokens of the next non-empty statement into
// p.toks, ending them with an EOF token at its ';' or at the end of the
// source, and adds the comments met to f. It reports false at the end of
// the source. The token buffer is reused from statement to statement.
func (p *parser) nextStatement(f *ast.File) bool {
	for {
		p.toks, p.i, p.semi = p.toks[:0], 0, false
		lexBefore := len(p.sc.Diagnostics())
		for {
			t := p.sc.Next()
			switch {
			case t.Kind == lexer.Comment:
				f.Comments = append(f.Comments, &ast.Comment{Text: t.Value, Rng: p.rng(t)})
				continue
			case t.Kind == lexer.Invalid:
				continue
			case t.IsPunct(";"):
				p.semi = true
				t = lexer.Token{Kind: lexer.EOF, Start: t.Start}
			}
			p.toks = p.pushToken(t)
			if t.Kind == lexer.EOF {
				break
			}
		}
		if len(p.toks) > 1 {
			p.startStatement(lexBefore)
			return true
		}
		if !p.semi {
			return false
		}
	}
}

// pushToken appends t to the statement's tokens. A statement that
// outgrows the buffer is probably large: the buffer grows at once to hold
// the tokens that a sixth of the rest of the source may have, so that a
// statement of megabytes is copied once or twice, not twenty times.
func (p *parser) pushToken(t lexer.Token) []lexer.Token {
	if n := len(p.toks); n == cap(p.toks) && n >= 1024 {
		grown := make([]lexer.Token, n, max(2*n, (len(p.sc.Source())-t.Start)/6))
		copy(grown, p.toks)
		p.toks = grown
	}
	return push(p.toks, t)
}

// readAll reads every token of the source into p.toks, ';' included, for
// a bare condition or a literal.
func (p *parser) readAll() {
	for {
		t := p.sc.Next()
		if t.Kind == lexer.Comment || t.Kind == lexer.Invalid {
			continue
		}
		p.toks = push(p.toks, t)
		if t.Kind == lexer.EOF {
			break
		}
	}
	p.startStatement(0)
}

// startStatement prepares the parse of the tokens in p.toks: the offset
// of their first lexical error and the bracket pre-pass. lexBefore is the
// number of the scanner's diagnostics that belong to earlier statements.
func (p *parser) startStatement(lexBefore int) {
	p.lexErr = -1
	for _, d := range p.sc.Diagnostics()[lexBefore:] {
		if d.Severity == diag.Error {
			p.lexErr = d.Range.Start.Offset
			break
		}
	}
	p.br = checkBrackets(p.toks)
	p.steps += len(p.toks)
	p.bracketsReported = false
	p.sizeSlabs(len(p.toks))
}

// parseStatement parses one query from the cursor and returns it with the
// statement's diagnostics. A statement with lexical errors reports those
// only (the scanner does), and the restrictions found before the first.
func (p *parser) parseStatement() (*ast.Query, diag.List) {
	p.resetStatement()
	start := p.i
	var q *ast.Query
	if p.br.deep >= 0 {
		p.fail(p.br.deep, tooDeep(p.rngAt(p.br.deep)))
		q = &ast.Query{Rng: p.span(start, max(start, len(p.toks)-2))}
		p.i = len(p.toks) - 1
	} else {
		p.reportBrackets()
		q = p.statement()
		p.reportUnclosed()
	}
	return q, p.statementDiags()
}

// parseCondition parses all tokens as a bare condition.
func (p *parser) parseCondition() (ast.Expr, diag.List) {
	p.resetStatement()
	p.kind, p.clause = condOnly, lexer.NoClause
	if p.br.deep >= 0 {
		p.fail(p.br.deep, tooDeep(p.rngAt(p.br.deep)))
		r := p.span(0, max(0, len(p.toks)-2))
		return &ast.BadExpr{Rng: r}, p.statementDiags()
	}
	p.reportBrackets()
	e, _ := p.condition(-1)
	for !p.atEOF() {
		p.unexpected(&ast.Query{})
		if !p.atEOF() {
			p.next() // an unmatched ')'
		}
	}
	p.reportUnclosed()
	return e, p.statementDiags()
}

// resetStatement clears the per-statement state.
func (p *parser) resetStatement() {
	p.diags, p.restricts = nil, nil
	p.failed, p.failedAtEnd, p.lastFail, p.fails = false, false, -1, 0
	p.unclosed, p.lastAggregate = false, -1
}

// reportBrackets reports the unmatched ')' of the pre-pass, once.
func (p *parser) reportBrackets() {
	if p.br.unmatched >= 0 && !p.bracketsReported {
		p.bracketsReported = true
		p.failf(p.br.unmatched, p.rngAt(p.br.unmatched), "unmatched ')'")
	}
}

// reportUnclosed reports the unclosed '(' if the parse skipped it, and
// unless a ')' without its '(' explains the statement's brackets.
func (p *parser) reportUnclosed() {
	if p.br.unclosed >= 0 && !p.unclosed && p.br.unmatched < 0 && p.br.unclosed < p.i {
		p.unclosed = true
		p.failf(p.br.unclosed, p.rngAt(p.br.unclosed), "unclosed '('")
	}
}

// statementDiags returns the statement's diagnostics, sorted, without the
// syntax errors of a statement with a lexical error.
func (p *parser) statementDiags() diag.List {
	out := p.diags
	if p.lexErr >= 0 {
		out = nil
	}
	for _, d := range p.restricts {
		if p.lexErr < 0 || d.Range.Start.Offset < p.lexErr {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}
