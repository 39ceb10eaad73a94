package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// statement parses one statement from the cursor. It stops at the end of
// the statement's tokens, or before a SELECT that starts another
// statement whose ';' is missing.
func (p *parser) statement() *ast.Query {
	p.clause, p.kind = lexer.NoClause, topQuery
	if !p.atWord(lexer.Reserved, "SELECT") {
		start := p.i
		d := diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: p.rngAt(p.i),
			Message: "expected SELECT at the start of the query, found " + p.found(p.i),
			Detail:  "CZQL only reads data: every statement is a SELECT query."}
		p.fail(p.i, d)
		for !p.atEOF() {
			p.next()
		}
		return &ast.Query{Rng: p.span(start, max(start, p.i-1))}
	}
	return p.query(topQuery)
}

// query parses a query of the given kind at its SELECT.
func (p *parser) query(kind queryKind) *ast.Query {
	outerKind, outerClause := p.kind, p.clause
	p.kind, p.clause = kind, lexer.Select
	q := &ast.Query{}
	p.enter(q)
	sel, fails := p.i, p.fails
	q.Select = &ast.SelectClause{Keyword: p.rng(p.next())}
	q.Rng = q.Select.Keyword
	p.selectList(q, sel)
	p.clauses(q, fails)
	p.leave()
	p.kind, p.clause = outerKind, outerClause
	return q
}

// clauses parses the clauses after the SELECT list, in any order, so that
// a clause out of place is reported and still parsed. It stops at the end
// of the query: the end of the statement, a ')' that closes a sub-query,
// or a SELECT that starts the next statement.
func (p *parser) clauses(q *ast.Query, failsBefore int) {
	var seen []lexer.Clause
	noFrom := p.fails > failsBefore // a failure in the SELECT list may explain a missing FROM
	for {
		c := p.wantClause(seen)
		switch {
		case c == lexer.Select && p.kind == topQuery:
			p.failf(p.i, p.rngAt(p.i), "missing ';' before SELECT: each statement ends with ';'")
			return
		case c == lexer.NoClause || c == lexer.Select:
			if p.atEOF() || p.peek().IsPunct(")") && p.kind != topQuery {
				if q.From == nil && len(seen) == 0 && !noFrom {
					p.expectedFrom()
				}
				return
			}
			noFrom = noFrom || q.From == nil && len(seen) == 0
			p.unexpected(q)
			continue
		}
		if len(seen) == 0 && c != lexer.From {
			p.expectedFrom()
		}
		p.checkOrder(c, seen)
		seen = append(seen, c)
		p.clause = c
		p.parseClause(c, q)
	}
}

// wantClause returns the clause the cursor starts, noting for completion
// the clauses that may still come.
func (p *parser) wantClause(seen []lexer.Clause) lexer.Clause {
	if p.atCursor() {
		last := lexer.Select
		for _, c := range seen {
			last = max(last, c)
		}
		for _, c := range lexer.Clauses() {
			if c > last && (c == lexer.From || len(seen) > 0) && p.allows(c) {
				p.wantWords(c.String())
			}
		}
	}
	return p.clauseAt(p.i)
}

// allows reports whether a query of the current kind may have clause c.
func (p *parser) allows(c lexer.Clause) bool {
	switch p.kind {
	case relSubquery:
		return c <= lexer.Where || c == lexer.OrderBy
	case inSubquery:
		return c <= lexer.Where
	}
	return true
}

// expectedFrom reports a query whose SELECT list is not followed by FROM.
func (p *parser) expectedFrom() {
	saved := p.clause
	p.clause = lexer.Select
	p.unexpectedInSelect()
	p.clause = saved
}

// checkOrder reports a clause that comes twice or after a clause that
// must follow it.
func (p *parser) checkOrder(c lexer.Clause, seen []lexer.Clause) {
	for _, have := range seen {
		switch {
		case have == c:
			p.failf(p.i, p.rngAt(p.i), "duplicate "+c.String()+" clause")
			return
		case have > c:
			p.failf(p.i, p.rngAt(p.i), c.String()+" must come before "+have.String())
			return
		}
	}
}

// parseClause parses clause c at its keyword into q. A clause that q
// already has is parsed and dropped.
func (p *parser) parseClause(c lexer.Clause, q *ast.Query) {
	switch c {
	case lexer.From:
		if f := p.from(); q.From == nil {
			q.From = f
			q.Rng = q.Rng.Cover(f.Range())
		}
	case lexer.Where:
		if w, r := p.where(); q.Where == nil {
			q.Where = w
			q.Rng = q.Rng.Cover(r)
		}
	case lexer.GroupBy:
		if g := p.groupBy(); q.GroupBy == nil {
			q.GroupBy = g
			q.Rng = q.Rng.Cover(g.Range())
		}
	case lexer.OrderBy:
		if o := p.orderBy(); q.OrderBy == nil {
			q.OrderBy = o
			q.Rng = q.Rng.Cover(o.Range())
		}
	case lexer.Limit:
		kw, v := p.limitValue()
		if q.Limit == nil {
			q.Limit = &ast.LimitClause{Keyword: kw, Value: v}
			q.Rng = q.Rng.Cover(q.Limit.Range())
		}
	case lexer.Offset:
		kw, v := p.limitValue()
		if q.Offset == nil {
			q.Offset = &ast.OffsetClause{Keyword: kw, Value: v}
			q.Rng = q.Rng.Cover(q.Offset.Range())
		}
	}
}

// restrictClause reports a clause that a sub-query of the current kind
// may not have.
func (p *parser) restrictClause(r diag.Range, what string) {
	switch p.kind {
	case relSubquery:
		p.restrict(r, what+" is not allowed in a relation sub-select")
	case inSubquery:
		p.restrict(r, what+" is not allowed in an IN sub-query")
	}
}

// from parses `FROM Entity`; in a relation sub-select the name is a
// relation's.
func (p *parser) from() *ast.FromClause {
	kw := p.i
	f := &ast.FromClause{Keyword: p.rng(p.next())}
	what := need{what: "entity name", expect: "an entity name", name: true}
	role := RoleEntity
	if p.kind == relSubquery {
		what, role = need{what: "relation name", expect: "a relation name", name: true}, RoleRelation
	}
	switch {
	case p.atCursor():
		p.wantName(role, nil, nil)
		f.Entity = p.ident(p.next())
	case p.nameAt(p.i):
		f.Entity = p.ident(p.next())
	case p.reservedNameAt(p.i, p.endsQuery):
		p.missing(kw, what)
		p.next()
	default:
		p.missing(kw, what)
		if t := p.peek(); isLiteralToken(t) {
			p.next()
		}
	}
	return f
}

// endsQuery reports whether t can follow a complete query.
func (p *parser) endsQuery(t lexer.Token) bool {
	return t.Kind == lexer.EOF || t.IsPunct(")") || lexer.ClauseStartedBy(t.Value) > lexer.From && t.Kind == lexer.Keyword
}

// where parses `WHERE condition` and returns its range.
func (p *parser) where() (*ast.WhereClause, diag.Range) {
	kw := p.i
	w := &ast.WhereClause{Keyword: p.rng(p.next())}
	var r diag.Range
	w.Cond, r = p.condition(kw)
	return w, w.Keyword.Cover(r)
}

// limitValue parses `LIMIT value` or `OFFSET value`.
func (p *parser) limitValue() (diag.Range, ast.Literal) {
	kw := p.i
	t := p.next()
	r := p.rng(t)
	p.restrictClause(r, upper(t))
	if p.atCursor() {
		p.next()
		return r, nil
	}
	if v := p.peek(); v.Kind == lexer.Number || v.Kind == lexer.Param {
		return r, p.literal(p.next())
	}
	p.missing(kw, need{what: "value", expect: "a number or a parameter"})
	if v := p.peek(); isLiteralToken(v) || v.Kind == lexer.Ident || v.Kind == lexer.AtIdent {
		p.next()
	}
	return r, nil
}

// unexpected reports the token at the cursor, which cannot follow the
// complete clause before it, and skips to the next clause.
func (p *parser) unexpected(q *ast.Query) {
	if !p.sqlOnly() && !p.misplacedComma() {
		switch {
		case q.From == nil && p.clause == lexer.Select:
			p.unexpectedInSelect()
		case p.clause == lexer.Where || p.kind == condOnly:
			p.fail(p.i, p.suggestKeyword(p.syntaxAt(p.i, p.prefix()+"expected AND or OR, found "+p.found(p.i)), p.i))
		default:
			end := "query"
			if p.kind != topQuery {
				end = "sub-query"
			}
			p.fail(p.i, p.suggestKeyword(p.syntaxAt(p.i, p.prefix()+"unexpected "+p.found(p.i)+" after the end of the "+end), p.i))
		}
	}
	start := p.i
	p.skip(syncClause)
	if p.i == start {
		p.next() // a ',', a ')' or a clause word that cannot start a clause here
		p.skip(syncClause)
	}
}

// unexpectedInSelect reports the token at the cursor after a SELECT list.
func (p *parser) unexpectedInSelect() {
	d := p.syntaxAt(p.i, p.prefix()+"expected ',' or FROM, found "+p.found(p.i))
	if p.peek().IsName() && p.tok(p.i-1).IsPunct(")") && p.lastAggregate == p.i-1 {
		d.Detail = "Write AS before an alias, as in COUNT(Id) AS Total."
	}
	p.fail(p.i, p.suggestKeyword(d, p.i))
}

// syntaxAt returns a syntax error at token i.
func (p *parser) syntaxAt(i int, msg string) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: p.rngAt(i), Message: msg}
}
