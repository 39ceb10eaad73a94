package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// in parses `IN (value, …)` or `IN (SELECT …)` after the field f; kw is
// the index of IN and opRng the range of [NOT] IN.
func (p *parser) in(f *ast.FieldRef, fr diag.Range, not bool, kw int, opRng diag.Range) (ast.Expr, diag.Range) {
	if !p.peek().IsPunct("(") {
		p.missing(kw, need{what: "value list", expect: "'('", always: true})
		return p.badPredicate(f, fr)
	}
	lp := p.open()
	e := &ast.InExpr{X: f, Not: not, OpRng: opRng, Lparen: p.rngAt(lp)}
	if p.atCursor() {
		p.wantWords("SELECT")
	}
	switch t := p.peek(); {
	case t.Kind == lexer.Reserved && t.IsWord("SELECT"):
		e.Query = p.query(inSubquery)
	case t.IsPunct(")"):
		p.failf(p.i, p.rngAt(lp).Cover(p.rng(t)), "empty IN list")
	default:
		e.List = p.valueList(f, lp)
	}
	rp := p.close(func() string { return p.prefix() + "expected ',' or ')' in the IN list, found " + p.found(p.i) })
	if rp >= 0 {
		e.Rparen = p.rngAt(rp)
	}
	r := fr.Cover(e.Lparen).Cover(e.Rparen)
	if f == nil {
		return &ast.BadExpr{Rng: r}, r
	}
	return e, r
}

// valueList parses the values of an IN list after the '(' at lp.
func (p *parser) valueList(f *ast.FieldRef, lp int) []ast.Literal {
	var list []ast.Literal
	anchor := lp
	for {
		switch {
		case p.atCursor():
			p.wantValue(f, "IN")
			p.next()
		case isLiteralToken(p.peek()):
			list = push(list, p.literal(p.next()))
		case anchor == lp:
			p.missing(anchor, need{what: "value list", expect: "a value or a sub-query"})
			p.skip(syncComma)
		default:
			p.missing(anchor, need{what: "value", expect: "a value"})
			p.skip(syncComma)
		}
		if !p.peek().IsPunct(",") {
			return list
		}
		anchor = p.nextIndex()
	}
}

// literal makes the node of a literal token. Strings are unquoted;
// numbers and dates keep their text.
func (p *parser) literal(t lexer.Token) ast.Literal {
	r := p.rng(t)
	switch t.Kind {
	case lexer.String:
		l := p.strs.new()
		l.Value, _ = lexer.Unquote(t.Value)
		l.Rng = r
		return l
	case lexer.Number:
		l := p.nums.new()
		l.Raw, l.Rng = t.Value, r
		return l
	case lexer.Date:
		return &ast.DateLit{Raw: t.Value, Rng: r}
	case lexer.Param:
		return &ast.ParamRef{Name: t.Value[1:], Rng: r}
	}
	switch {
	case t.IsWord("TRUE"):
		return &ast.BoolLit{Value: true, Rng: r}
	case t.IsWord("FALSE"):
		return &ast.BoolLit{Value: false, Rng: r}
	}
	return &ast.NullLit{Rng: r}
}

// compareOp returns the comparison operator spelled s; `!=` is Ne.
func compareOp(s string) ast.CompareOp {
	switch s {
	case "=":
		return ast.Eq
	case "<>", "!=":
		return ast.Ne
	case "<":
		return ast.Lt
	case ">":
		return ast.Gt
	case "<=":
		return ast.Le
	}
	return ast.Ge
}
