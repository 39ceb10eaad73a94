package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// The condition productions. Each returns the node and its range: ranges
// are built bottom up, so that a chain of a million ANDs stays linear
// (asking the tree would walk each left-nested chain again).

// condition parses an OR of ANDs after token anchor (WHERE, '(' or -1 at
// the start of a bare condition).
func (p *parser) condition(anchor int) (ast.Expr, diag.Range) {
	return p.chain(anchor, ast.Or, p.and)
}

// and parses an AND of unary conditions.
func (p *parser) and(anchor int) (ast.Expr, diag.Range) {
	return p.chain(anchor, ast.And, p.unary)
}

// chain parses operands joined by op, left-nested, each after the token
// before it (anchor, then the AND or OR).
func (p *parser) chain(anchor int, op ast.LogicOp, operand func(int) (ast.Expr, diag.Range)) (ast.Expr, diag.Range) {
	x, xr := operand(anchor)
	for p.atWord(lexer.Reserved, op.String()) {
		i := p.nextIndex()
		y, yr := operand(i)
		x, xr = p.binary(x, op, i, y), join(xr, yr)
	}
	return x, xr
}

// binary makes `x op y`; op is the index of the AND or OR.
func (p *parser) binary(x ast.Expr, op ast.LogicOp, i int, y ast.Expr) *ast.BinaryExpr {
	b := p.binaries.new()
	b.X, b.Op, b.OpRng, b.Y = x, op, p.rngAt(i), y
	return b
}

// unary parses NOT, a parenthesised condition or a predicate after token
// anchor. What stands there instead is reported and skipped, and becomes
// a BadExpr.
func (p *parser) unary(anchor int) (ast.Expr, diag.Range) {
	if p.atCursor() {
		p.wantName(RoleField, nil, nil)
		p.wantWords("NOT")
		return p.predicate()
	}
	t := p.peek()
	switch {
	case t.Kind == lexer.Reserved && t.IsWord("NOT"):
		not := p.rngAt(p.i)
		x, xr := p.unary(p.nextIndex())
		return &ast.NotExpr{Not: not, X: x}, not.Cover(xr)
	case t.IsPunct("(") && p.peekAt(1).IsWord("SELECT") && p.peekAt(1).Kind == lexer.Reserved:
		return p.badOperand(p.rngAt(p.i), "a sub-query is only allowed after IN", "")
	case t.IsPunct("("):
		lp := p.open()
		x, xr := p.condition(lp)
		pr := p.rngAt(lp).Cover(xr)
		var rr diag.Range
		if rp := p.close(p.groupExpected); rp >= 0 {
			rr = p.rngAt(rp)
		}
		return &ast.ParenExpr{Lparen: p.rngAt(lp), X: x, Rparen: rr}, pr.Cover(rr)
	case isAggregate(t) && p.peekAt(1).IsPunct("("):
		return p.badOperand(p.span(p.i, p.i+1), "aggregates are only allowed in the SELECT list", "")
	case p.missingField():
		start := p.rngAt(p.i)
		p.failf(p.i, start, "missing field before "+upper(t))
		return p.predicateRest(nil, start, -1)
	case p.nameAt(p.i):
		return p.predicate()
	case p.reservedNameAt(p.i, continuesPredicate):
		p.missingCondition(anchor)
		return p.predicate()
	}
	p.missingCondition(anchor)
	r := p.emptyAt(p.i)
	if !p.stopperAt(p.i) {
		start := p.i
		p.skip(syncClause | syncLogic)
		r = p.span(start, max(start, p.i-1))
	}
	return &ast.BadExpr{Rng: r}, r
}

// missingCondition reports that no condition starts at the cursor, after
// token anchor, or at the start of a bare condition when anchor is -1.
func (p *parser) missingCondition(anchor int) {
	if anchor < 0 {
		p.failf(p.i, p.rngAt(p.i), "expected a field at the start of the condition, found "+p.found(p.i))
		return
	}
	p.missing(anchor, need{what: "condition", expect: "a condition", name: true})
}

// nextIndex consumes the token at the cursor and returns its index.
func (p *parser) nextIndex() int {
	i := p.i
	p.next()
	return i
}

// emptyAt returns the empty range at the start of token i.
func (p *parser) emptyAt(i int) diag.Range {
	r := p.rngAt(i)
	r.End = r.Start
	return r
}

// groupExpected says what a condition group expected instead of ')'.
func (p *parser) groupExpected() string {
	return p.prefix() + "expected AND, OR or ')', found " + p.found(p.i)
}

// continuesPredicate reports whether t can follow the field of a
// predicate.
func continuesPredicate(t lexer.Token) bool {
	return t.Kind == lexer.Operator || t.IsPunct(".") || t.Kind == lexer.Keyword &&
		(t.IsWord("IN") || t.IsWord("LIKE") || t.IsWord("IS"))
}

// missingField reports whether the token at the cursor is the operator of
// a predicate whose field is missing: `WHERE NOT IN (1)`.
func (p *parser) missingField() bool {
	t, n := p.peek(), p.peekAt(1)
	if t.Kind != lexer.Keyword {
		return false
	}
	return t.IsWord("IN") && n.IsPunct("(") ||
		t.IsWord("LIKE") && isLiteralToken(n) ||
		t.IsWord("IS") && (n.IsWord("NULL") || n.IsWord("NOT"))
}

// badOperand reports a left-hand side that is not a field (a sub-query, an
// aggregate) and skips it with the comparison it starts.
func (p *parser) badOperand(r diag.Range, msg, detail string) (ast.Expr, diag.Range) {
	start := p.i
	p.unsupported(p.i, r, msg, detail)
	if !p.peek().IsPunct("(") {
		p.next()
	}
	p.skipParens()
	p.skipOperand()
	br := p.span(start, max(start, p.i-1))
	return &ast.BadExpr{Rng: br}, br
}

// predicate parses a field and what compares it.
func (p *parser) predicate() (ast.Expr, diag.Range) {
	start := p.i
	f := p.fieldRef()
	if p.peek().IsPunct("(") && p.i == start+1 {
		p.i = start
		return p.badOperand(p.span(start, start+1), "functions are not supported in CZQL conditions",
			"Compare the field itself with a value.")
	}
	return p.predicateRest(f, f.Range(), start)
}

// predicateRest parses what follows the field f of a predicate, whose
// range so far is fr and whose first token is start; f is nil, and start
// -1, when the field is missing.
func (p *parser) predicateRest(f *ast.FieldRef, fr diag.Range, start int) (ast.Expr, diag.Range) {
	if p.atCursor() {
		p.wantOperators()
	}
	t := p.peek()
	switch {
	case t.Kind == lexer.Operator:
		return p.comparison(f, fr)
	case t.Kind == lexer.Keyword && t.IsWord("IS"):
		return p.isNull(f, fr)
	case t.Kind == lexer.Keyword && (t.IsWord("IN") || t.IsWord("LIKE")):
		return p.inOrLike(f, fr, -1)
	case t.Kind == lexer.Reserved && t.IsWord("NOT"):
		not := p.nextIndex()
		if p.atCursor() {
			p.wantWords("IN", "LIKE")
		}
		if n := p.peek(); n.Kind == lexer.Keyword && (n.IsWord("IN") || n.IsWord("LIKE")) {
			return p.inOrLike(f, fr, not)
		}
		p.missing(not, need{what: "IN or LIKE", expect: "IN or LIKE", always: true})
		return p.badPredicate(f, fr)
	case t.Kind == lexer.Keyword && t.IsWord("BETWEEN") && f != nil:
		p.between(start)
		return p.badPredicate(f, fr)
	}
	if f != nil {
		p.failf(p.i, p.rngAt(p.i), p.prefix()+"expected an operator, IN, LIKE or IS after field "+
			quote(p.pathText(start, p.i-1))+", found "+p.found(p.i))
	}
	return p.badPredicate(f, fr)
}

// badPredicate returns the BadExpr of a predicate that did not finish,
// keeping its field, and skips what is left of it.
func (p *parser) badPredicate(f *ast.FieldRef, fr diag.Range) (ast.Expr, diag.Range) {
	if !p.stopperAt(p.i) && !p.peek().IsWord("AND") && !p.peek().IsWord("OR") {
		p.skip(syncClause | syncLogic)
	}
	r := fr.Cover(p.rngAt(max(p.i-1, 0)))
	if !r.IsValid() {
		r = p.emptyAt(p.i)
	}
	return &ast.BadExpr{X: f, Rng: r}, r
}

// comparison parses `op value` after the field f.
func (p *parser) comparison(f *ast.FieldRef, fr diag.Range) (ast.Expr, diag.Range) {
	op := p.nextIndex()
	opTok := p.tok(op)
	if p.atCursor() {
		p.wantValue(f, opTok.Value)
		p.next()
		return p.badPredicate(f, fr)
	}
	t := p.peek()
	switch {
	case isLiteralToken(t) && f != nil:
		y := p.literal(p.next())
		c := p.compares.new()
		c.X, c.Op, c.OpRng, c.Y = f, compareOp(opTok.Value), p.rng(opTok), y
		return c, join(fr, y.Range())
	case isLiteralToken(t):
		p.next()
	case t.IsPunct("(") && p.peekAt(1).IsWord("SELECT"):
		p.unsupported(p.i, p.rngAt(p.i), "a sub-query is only allowed after IN", "Write the comparison as F IN (SELECT …).")
		p.skipParens()
	case t.Kind == lexer.Ident || t.Kind == lexer.AtIdent:
		detail := ""
		if t.Kind == lexer.Ident {
			detail = "If " + quote(t.Value) + " is a value, quote it: '" + shorten(t.Value) + "'."
		}
		p.unsupported(p.i, p.rngAt(p.i), "comparing two fields is not supported in CZQL; compare with a value", detail)
		p.fieldRef()
	case t.Kind == lexer.Operator && t.Start == opTok.End() && opTok.Value == "=" && t.Value == "=":
		p.fail(p.i, diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: p.rngAt(op).Cover(p.rng(t)),
			Message: p.prefix() + "'==' is not a CZQL operator", Detail: "CZQL compares with one '=', as in State = 'Active'."})
		p.next()
		if isLiteralToken(p.peek()) {
			p.next()
		}
	default:
		p.missing(op, need{what: "value", expect: "a value"})
	}
	return p.badPredicate(f, fr)
}

// isNull parses `IS [NOT] NULL` after the field f, as `= NULL` or
// `<> NULL`.
func (p *parser) isNull(f *ast.FieldRef, fr diag.Range) (ast.Expr, diag.Range) {
	is := p.nextIndex()
	opRng, op, last := p.rngAt(is), ast.Eq, is
	if p.atCursor() {
		p.wantWords("NULL", "NOT NULL")
	}
	if p.isWordAt(p.i, lexer.Reserved, "NOT") {
		last = p.nextIndex()
		opRng, op = opRng.Cover(p.rngAt(last)), ast.Ne
		if p.atCursor() {
			p.wantWords("NULL")
		}
	}
	if !p.isWordAt(p.i, lexer.Keyword, "NULL") {
		if last == is {
			p.missing(last, need{what: "NULL", expect: "NULL or NOT NULL", always: true})
		} else {
			p.missing(last, need{what: "NULL", expect: "NULL", always: true})
		}
		return p.badPredicate(f, fr)
	}
	null := &ast.NullLit{Rng: p.rng(p.next())}
	if f == nil {
		return p.badPredicate(f, fr.Cover(null.Rng))
	}
	return &ast.CompareExpr{X: f, Op: op, OpRng: opRng, Y: null}, fr.Cover(null.Rng)
}

// inOrLike parses `[NOT] IN (…)` or `[NOT] LIKE pattern` after the field
// f; not is the index of the NOT, or -1.
func (p *parser) inOrLike(f *ast.FieldRef, fr diag.Range, not int) (ast.Expr, diag.Range) {
	kw := p.nextIndex()
	opRng := p.rngAt(kw)
	if not >= 0 {
		opRng = p.rngAt(not).Cover(opRng)
	}
	if p.tok(kw).IsWord("IN") {
		return p.in(f, fr, not >= 0, kw, opRng)
	}
	if p.atCursor() {
		p.wantValue(f, upper(p.tok(kw)))
		p.next()
		return p.badPredicate(f, fr)
	}
	if !isLiteralToken(p.peek()) {
		p.missing(kw, need{what: "pattern", expect: "a pattern"})
		return p.badPredicate(f, fr)
	}
	y := p.literal(p.next())
	if f == nil {
		return p.badPredicate(f, fr.Cover(y.Range()))
	}
	return &ast.LikeExpr{X: f, Not: not >= 0, OpRng: opRng, Pattern: y}, fr.Cover(y.Range())
}

// between reports BETWEEN after the field that starts at token start, and
// skips `BETWEEN a AND b`.
func (p *parser) between(start int) {
	b := p.i
	path := p.pathText(start, b-1)
	lo, hi := "a", "b"
	if p.tok(b+2).IsWord("AND") && b+3 < len(p.toks)-1 {
		lo, hi = shorten(p.tok(b+1).Value), shorten(p.tok(b+3).Value)
	}
	p.unsupported(b, p.rngAt(b), "BETWEEN is not supported in CZQL; use "+path+" >= "+lo+" AND "+path+" <= "+hi, "")
	p.next()
	if p.peek().Kind != lexer.EOF && p.peekAt(1).IsWord("AND") {
		p.i += 2
		if isLiteralToken(p.peek()) {
			p.next()
		}
	}
}
