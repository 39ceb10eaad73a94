package parser

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// selectList parses the items of a SELECT list; sel is the index of the
// SELECT keyword.
func (p *parser) selectList(q *ast.Query, sel int) {
	anchor := sel
	for {
		if it := p.selectItem(anchor); it != nil {
			q.Select.Items = push(q.Select.Items, it)
			q.Rng = join(q.Rng, p.rngAt(p.i-1))
		}
		if !p.peek().IsPunct(",") {
			return
		}
		anchor = p.i
		p.next()
	}
}

// selectItem parses one item of a SELECT list after token anchor (SELECT
// or ','), or reports what stands there instead and returns nil.
func (p *parser) selectItem(anchor int) ast.SelectItem {
	t := p.peek()
	switch {
	case p.atCursor():
		p.wantName(RoleField, nil, nil)
		p.wantFunctions()
		return p.fieldRef()
	case isAggregate(t) && p.peekAt(1).IsPunct("("):
		return p.aggregate()
	case t.IsPunct("("):
		return p.relation()
	case t.Kind == lexer.Ident && strings.EqualFold(t.Value, "DISTINCT") && p.peekAt(1).IsName():
		p.unsupported(p.i, p.rng(t), "DISTINCT is not supported in CZQL",
			"Group the rows instead: SELECT F, COUNT(F) AS N FROM E GROUP BY F.")
		p.next()
		return p.selectItem(anchor)
	case p.nameAt(p.i) && p.peekAt(1).IsPunct("("):
		p.unsupported(p.i, p.span(p.i, p.i+1),
			"unknown function "+quote(t.Value)+": the aggregates are "+aggregateList(), "")
		p.next()
		p.skipParens()
		return nil
	case p.nameAt(p.i):
		f := p.fieldRef()
		p.aliasOfField()
		return f
	}
	n := need{what: "field", expect: "a field", name: true}
	if p.tok(anchor).Kind == lexer.Reserved {
		n.what = "field list"
	}
	p.missing(anchor, n)
	switch {
	case p.reservedNameAt(p.i, func(t lexer.Token) bool { return t.IsPunct(",") || t.IsWord("FROM") }):
		p.next()
	case !p.stopperAt(p.i):
		p.skip(syncClause | syncComma)
	}
	return nil
}

// aggregateList names the aggregate functions for a message.
func aggregateList() string {
	fs := lexer.Aggregates()
	return strings.Join(fs[:len(fs)-1], ", ") + " and " + fs[len(fs)-1]
}

// aliasOfField reports AS after an item that is not an aggregate.
func (p *parser) aliasOfField() {
	if !p.peek().IsWord("AS") || p.peek().Kind != lexer.Keyword {
		return
	}
	p.unsupported(p.i, p.rngAt(p.i), "AS is only allowed after an aggregate: CZQL has no aliases for plain fields",
		"An alias names an aggregate's result, as in COUNT(Id) AS Total.")
	p.next()
	if p.peek().IsName() {
		p.next()
	}
}

// aggregate parses `FUNC(field) [AS alias]`.
func (p *parser) aggregate() *ast.AggregateExpr {
	fn := p.next()
	a := &ast.AggregateExpr{Func: aggFunc(fn.Value), FuncRng: p.rng(fn)}
	lp := p.open()
	switch t := p.peek(); {
	case p.atCursor():
		p.wantName(RoleField, nil, nil)
		a.Arg = p.fieldRef()
	case t.IsPunct(")"):
		p.failf(p.i, p.rng(fn).Cover(p.rng(t)), "missing field in "+upper(fn)+"()")
	case isAggregate(t) && p.peekAt(1).IsPunct("("):
		p.unsupported(p.i, p.span(p.i, p.i+1), "aggregates cannot be nested", "")
		p.next()
		p.skipParens()
	case p.nameAt(p.i):
		a.Arg = p.fieldRef()
	default:
		p.missing(lp, need{what: "field", expect: "a field", name: true})
	}
	if rp := p.close(func() string { return p.prefix() + "expected ')' after the field, found " + p.found(p.i) }); rp >= 0 {
		a.Rparen = p.rngAt(rp)
		p.lastAggregate = rp
	}
	if p.atWord(lexer.Keyword, "AS") {
		as := p.i
		p.next()
		switch {
		case p.atCursor():
			a.Alias = p.ident(p.next())
		case p.peek().IsName():
			a.Alias = p.ident(p.next())
		default:
			p.missing(as, need{what: "alias", expect: "an alias name", name: true})
		}
	}
	switch p.kind {
	case relSubquery:
		p.restrict(a.Range(), "an aggregate is not allowed in a relation sub-select")
	case inSubquery:
		p.restrict(a.Range(), "an aggregate is not allowed in an IN sub-query")
	}
	return a
}

// aggFunc returns the aggregate function named by s in any case.
func aggFunc(s string) ast.AggFunc { return ast.AggFunc(strings.ToUpper(s)) }

// relation parses a relation sub-select `(SELECT … FROM Relation …)`.
func (p *parser) relation() ast.SelectItem {
	outer := p.kind
	lp := p.open()
	r := &ast.RelationQuery{Lparen: p.rngAt(lp)}
	if !p.atWord(lexer.Reserved, "SELECT") {
		p.missing(lp, need{what: "sub-select", expect: "SELECT"})
		if p.comp != nil && p.comp.tok > lp {
			p.comp.sealed = true // the cursor is inside the parentheses
		}
		p.i = lp
		if !p.skipParens() {
			p.i = lp + 1
		}
		return nil
	}
	r.Query = p.query(relSubquery)
	if rp := p.close(func() string { return p.prefix() + "expected ')' after the sub-select, found " + p.found(p.i) }); rp >= 0 {
		r.Rparen = p.rngAt(rp)
	}
	switch outer {
	case relSubquery:
		p.restrict(r.Range(), "relation sub-selects cannot be nested")
	case inSubquery:
		p.restrict(r.Range(), "a relation sub-select is not allowed in an IN sub-query")
	}
	p.aliasOfField()
	return r
}

// fieldRef parses a field or a dot path at a name. After a dot any word
// is a name, even a reserved one, unless it starts a clause: then the
// name is missing.
func (p *parser) fieldRef() *ast.FieldRef {
	start := p.i
	p.next()
	for p.peek().IsPunct(".") {
		dot := p.i
		p.next()
		if p.atCursor() {
			p.wantName(RoleField, p.pathSoFar(start, dot), nil)
			p.next()
			continue
		}
		t := p.peek()
		if (t.IsName() || t.Kind == lexer.Reserved) && !p.dotClauseAt(p.i) {
			p.next()
			continue
		}
		if p.stopperAt(p.i) || p.dotClauseAt(p.i) {
			p.failf(p.i, p.rngAt(dot), "missing name after '.'")
		} else {
			p.failf(p.i, p.rngAt(p.i), p.prefix()+"expected a name after '.', found "+p.found(p.i))
		}
		return p.field(start, dot)
	}
	return p.field(start, p.i)
}

// dotClauseAt reports whether the word at i, after a '.', is rather a
// clause keyword followed by what its clause needs, as in
// `SELECT a. FROM T`.
func (p *parser) dotClauseAt(i int) bool {
	w, n := p.tok(i), p.tok(i+1)
	switch {
	case w.Kind == lexer.Reserved && w.IsWord("FROM"):
		return n.IsName()
	case w.Kind == lexer.Reserved && w.IsWord("WHERE"):
		return n.IsName() || n.IsWord("NOT") || n.IsPunct("(")
	}
	return p.startsClauseAt(i) >= lexer.GroupBy
}

// field makes the FieldRef of the names among tokens [start, end).
func (p *parser) field(start, end int) *ast.FieldRef {
	f := p.fields.new()
	f.Segments = p.segs.slice((end - start + 1) / 2)
	for i := range f.Segments {
		f.Segments[i] = p.ident(p.toks[start+2*i])
	}
	return f
}

// pathSoFar returns the names of the path from token start to the '.'
// at dot.
func (p *parser) pathSoFar(start, dot int) []string {
	var out []string
	for i := start; i < dot; i += 2 {
		out = append(out, p.toks[i].Name())
	}
	return out
}

// pathText returns the text of the tokens of the path from i to j.
func (p *parser) pathText(i, j int) string {
	var b strings.Builder
	for k := i; k <= j; k++ {
		b.WriteString(p.toks[k].Value)
	}
	return b.String()
}

// groupBy parses `GROUP BY field, …`.
func (p *parser) groupBy() *ast.GroupByClause {
	kw, by := p.byKeyword()
	g := &ast.GroupByClause{Keyword: kw}
	if by {
		p.restrictClause(kw, "GROUP BY")
	}
	p.fieldList(func(i int) {
		if f := p.listField(i, false); f != nil {
			g.Fields = push(g.Fields, f)
		}
	})
	return g
}

// orderBy parses `ORDER BY item, …`. A relation sub-select may sort.
func (p *parser) orderBy() *ast.OrderByClause {
	kw, by := p.byKeyword()
	o := &ast.OrderByClause{Keyword: kw}
	if by && p.kind == inSubquery {
		p.restrictClause(kw, "ORDER BY")
	}
	p.fieldList(func(i int) {
		f := p.listField(i, true)
		if f == nil {
			return
		}
		it := &ast.OrderItem{Field: f}
		if p.atCursor() {
			p.wantWords("ASC", "DESC")
		}
		if t := p.peek(); t.Kind == lexer.Keyword && (t.IsWord("ASC") || t.IsWord("DESC")) {
			it.Dir, it.DirRng = ast.Asc, p.rng(p.next())
			if t.IsWord("DESC") {
				it.Dir = ast.Desc
			}
		}
		o.Items = push(o.Items, it)
	})
	return o
}

// byKeyword consumes GROUP or ORDER and the BY after it, and returns
// their range and whether BY was there. Without BY a field list is still
// read.
func (p *parser) byKeyword() (diag.Range, bool) {
	w := p.i
	r := p.rng(p.next())
	if p.atWord(lexer.Keyword, "BY") {
		return r.Cover(p.rng(p.next())), true
	}
	p.missing(w, need{what: "BY", expect: "BY", always: true})
	if !p.nameAt(p.i) {
		p.skip(syncClause)
	}
	return r, false
}

// fieldList calls item for each item of a GROUP BY or ORDER BY list, with
// the index of the token before it (BY or ',').
func (p *parser) fieldList(item func(anchor int)) {
	anchor := p.i - 1
	for {
		item(anchor)
		if !p.peek().IsPunct(",") {
			return
		}
		anchor = p.i
		p.next()
	}
}

// listField parses a field of a GROUP BY or ORDER BY list after token
// anchor, or reports what stands there instead.
func (p *parser) listField(anchor int, order bool) *ast.FieldRef {
	t := p.peek()
	switch {
	case p.atCursor():
		p.wantName(RoleField, nil, nil)
		return p.fieldRef()
	case isAggregate(t) && p.peekAt(1).IsPunct("("):
		r := p.span(p.i, p.i+1)
		if order {
			p.unsupported(p.i, r, "an aggregate cannot be sorted on directly",
				"Name it in the SELECT list with AS, as in COUNT(Id) AS Total, and sort by the name.")
		} else {
			p.unsupported(p.i, r, "aggregates are only allowed in the SELECT list", "")
		}
		p.next()
		p.skipParens()
		return nil
	case p.nameAt(p.i):
		return p.fieldRef()
	}
	p.missing(anchor, need{what: "field", expect: "a field", name: true})
	if !p.stopperAt(p.i) {
		p.skip(syncClause | syncComma)
	}
	return nil
}
