package parser

import "github.com/czql/czql/lexer"

// The recovery of the parser: after a production reports a problem, the
// tokens that cannot continue it are skipped up to a token where parsing
// can go on. Parenthesised parts are skipped whole, and an unmatched ')'
// is never skipped: it closes an enclosing part.

// syncSet says at which tokens skipping stops.
type syncSet int

const (
	syncClause syncSet = 1 << iota // a word that starts a clause
	syncComma                      // ','
	syncLogic                      // AND and OR
)

// skip moves the cursor to the next token of the set, to a ')' that
// closes an enclosing part, or to the end of the statement.
func (p *parser) skip(set syncSet) {
	for {
		p.steps++
		t := p.peek()
		switch {
		case t.Kind == lexer.EOF, t.IsPunct(")"):
			return
		case t.IsPunct("("):
			if !p.skipParens() {
				p.next()
			}
			continue
		case set&syncComma != 0 && t.IsPunct(","),
			set&syncLogic != 0 && (p.isWordAt(p.i, lexer.Reserved, "AND") || p.isWordAt(p.i, lexer.Reserved, "OR")),
			set&syncClause != 0 && p.startsClauseAt(p.i) != lexer.NoClause:
			return
		}
		p.next()
	}
}

// skipParens moves the cursor past the ')' that matches the '(' at the
// cursor, and reports whether there was one.
func (p *parser) skipParens() bool {
	depth := 0
	for j := p.i; j < len(p.toks); j++ {
		p.steps++
		switch t := p.toks[j]; {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			if depth--; depth == 0 {
				p.i = j + 1
				return true
			}
		case t.Kind == lexer.EOF:
			return false
		}
	}
	return false
}

// skipOperand moves past an operator and the value after it, if they are
// next: the rest of a comparison whose left side was not a field.
func (p *parser) skipOperand() {
	if p.peek().Kind != lexer.Operator {
		return
	}
	p.next()
	if isLiteralToken(p.peek()) || p.peek().IsName() {
		p.next()
	}
}

// open consumes the '(' at the cursor and returns its index. The '(' that
// the bracket pre-pass found unclosed is reported here, where the clause
// it stands in is known.
func (p *parser) open() int {
	i := p.i
	p.next()
	if i == p.br.unclosed && !p.unclosed && p.br.unmatched < 0 {
		p.unclosed = true
		msg := "unclosed '('"
		if p.clause != lexer.NoClause {
			msg += " in " + p.clause.String() + " clause"
		}
		p.failf(i, p.rngAt(i), msg)
	}
	return i
}

// close consumes the ')' that closes the innermost open '('. When it is
// not next, msg says what was expected instead, unless an unclosed '(' was
// found before parsing, which explains it; then the tokens up to the ')'
// are skipped. It returns the index of the ')', or -1.
func (p *parser) close(msg func() string) int {
	if p.atCursor() {
		p.comp.sealed = true
	}
	if p.peek().IsPunct(")") {
		i := p.i
		p.next()
		return i
	}
	if p.br.unclosed >= 0 {
		return -1
	}
	p.failf(p.i, p.rngAt(p.i), msg())
	for !p.atEOF() && !p.peek().IsPunct(")") {
		p.steps++
		if p.peek().IsPunct("(") && p.skipParens() {
			continue
		}
		p.next()
	}
	if p.peek().IsPunct(")") {
		i := p.i
		p.next()
		return i
	}
	return -1
}
