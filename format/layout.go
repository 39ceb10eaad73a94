package format

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// node prints n: a file or a query with the full layout, anything else by
// the rules it follows inside a query, starting at column 0.
func (p *printer) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.File:
		p.file(n)
	case *ast.Query:
		p.query(n, 0)
	case *ast.Comment:
		text, _ := commentText(n.Text)
		p.token(text, n.Rng)
	case *ast.SelectClause:
		p.selectClause(n, 0)
	case *ast.FromClause:
		p.fromClause(n)
	case *ast.WhereClause:
		p.whereClause(n, 0)
	case *ast.GroupByClause:
		p.groupByClause(n, 0)
	case *ast.OrderByClause:
		p.orderByClause(n, 0)
	case *ast.LimitClause:
		p.valueClause("LIMIT", n.Keyword, n.Value)
	case *ast.OffsetClause:
		p.valueClause("OFFSET", n.Keyword, n.Value)
	case *ast.OrderItem:
		p.orderItem(n)
	case *ast.Ident:
		p.ident(n, false)
	case ast.SelectItem:
		p.selectItem(n, 0)
	case ast.Expr:
		p.cond(n, 2, 0)
	default:
		p.errorf("cannot print a %T", n)
	}
}

// file prints every statement followed by ';', one blank line between
// statements, and every comment.
func (p *printer) file(f *ast.File) {
	var prev *ast.Query
	for _, q := range f.Queries {
		if q != nil {
			p.statement(prev, q)
			prev = q
		}
	}
	p.end()
}

// statement prints q, the statement after prev (nil for the first),
// followed by ';'.
func (p *printer) statement(prev, q *ast.Query) {
	if prev != nil {
		p.newline(0)
		p.forceBlank = !p.gapHasBlank(prev, q)
	}
	p.topLevel = true
	p.query(q, 0)
	p.punct(";")
	p.topLevel = true
}

// end prints the comments left and ends the last line.
func (p *printer) end() {
	p.flushAll()
	if !p.lineStart {
		p.breakLine()
	}
}

// gapHasBlank reports whether the source has a blank line between the end
// of prev and the start of next, or between the comments there, as
// [printer.blankBefore] sees them.
func (p *printer) gapHasBlank(prev, next *ast.Query) bool {
	line := prev.Rng.End.Line
	for _, c := range p.comments[p.next:] {
		if c.Rng.Start.Offset >= next.Rng.Start.Offset {
			break
		}
		if line > 0 && c.Rng.Start.Line > line+1 {
			return true
		}
		line = c.Rng.End.Line
	}
	return line > 0 && next.Rng.Start.Line > line+1
}

// query prints q on one line when it fits and holds no comment; otherwise
// each clause starts a line indented by ind, LIMIT and OFFSET sharing one.
func (p *printer) query(q *ast.Query, ind int) {
	if q == nil {
		p.missing("query")
		return
	}
	oneLine := p.fits(q, 0)
	started := false
	sep := func() {
		switch {
		case !started:
			started = true
		case oneLine:
			p.space()
		default:
			p.newline(ind)
		}
	}
	sep()
	if q.Select != nil {
		p.selectClause(q.Select, ind)
	} else {
		p.missing("SELECT clause")
	}
	sep()
	if q.From != nil {
		p.fromClause(q.From)
	} else {
		p.missing("FROM clause")
	}
	if q.Where != nil {
		sep()
		p.whereClause(q.Where, ind)
	}
	if q.GroupBy != nil {
		sep()
		p.groupByClause(q.GroupBy, ind)
	}
	if q.OrderBy != nil {
		sep()
		p.orderByClause(q.OrderBy, ind)
	}
	if q.Limit != nil {
		sep()
		p.valueClause("LIMIT", q.Limit.Keyword, q.Limit.Value)
	}
	if q.Offset != nil {
		if q.Limit != nil {
			p.space()
		} else {
			sep()
		}
		p.valueClause("OFFSET", q.Offset.Keyword, q.Offset.Value)
	}
}

// list prints a clause's items after its keyword: on the keyword's line,
// separated by ", ", when the clause fits; otherwise each on its own line
// indented by ind+indentStep, each but the last followed by ','.
func (p *printer) list(n int, oneLine bool, ind int, item func(i, tail int)) {
	if n == 0 {
		p.space()
		p.missing("list item")
		return
	}
	for i := range n {
		if i > 0 {
			p.punct(",")
		}
		tail := 0
		if i < n-1 {
			tail = 1
		}
		if oneLine {
			p.space()
			item(i, tail)
			continue
		}
		p.newline(ind + indentStep)
		item(i, tail)
	}
}

// selectClause prints SELECT and its items, ind being the clause's indent.
func (p *printer) selectClause(c *ast.SelectClause, ind int) {
	oneLine := p.fits(c, 0)
	p.token("SELECT", c.Keyword)
	p.list(len(c.Items), oneLine, ind, func(i, tail int) {
		p.selectItem(c.Items[i], tail)
	})
}

// fromClause prints FROM and the entity or relation name.
func (p *printer) fromClause(c *ast.FromClause) {
	p.token("FROM", c.Keyword)
	p.space()
	p.ident(c.Entity, false)
}

// whereClause prints WHERE and its condition, whose operators break at
// ind+2.
func (p *printer) whereClause(c *ast.WhereClause, ind int) {
	p.token("WHERE", c.Keyword)
	p.space()
	p.cond(c.Cond, ind+2, 0)
}

// groupByClause prints GROUP BY and its fields.
func (p *printer) groupByClause(c *ast.GroupByClause, ind int) {
	oneLine := p.fits(c, 0)
	p.token("GROUP BY", c.Keyword)
	p.list(len(c.Fields), oneLine, ind, func(i, _ int) {
		p.field(c.Fields[i])
	})
}

// orderByClause prints ORDER BY and its items.
func (p *printer) orderByClause(c *ast.OrderByClause, ind int) {
	oneLine := p.fits(c, 0)
	p.token("ORDER BY", c.Keyword)
	p.list(len(c.Items), oneLine, ind, func(i, _ int) {
		p.orderItem(c.Items[i])
	})
}

// valueClause prints LIMIT or OFFSET and its value.
func (p *printer) valueClause(kw string, r diag.Range, v ast.Literal) {
	p.token(kw, r)
	p.space()
	p.literal(v)
}

// orderItem prints a field and the direction written after it, if any.
func (p *printer) orderItem(it *ast.OrderItem) {
	if it == nil {
		p.missing("ORDER BY item")
		return
	}
	p.field(it.Field)
	switch it.Dir {
	case ast.Asc:
		p.space()
		p.token("ASC", it.DirRng)
	case ast.Desc:
		p.space()
		p.token("DESC", it.DirRng)
	}
}

// selectItem prints one SELECT item, to be followed by tail more columns.
func (p *printer) selectItem(it ast.SelectItem, tail int) {
	switch it := it.(type) {
	case *ast.FieldRef:
		p.field(it)
	case *ast.AggregateExpr:
		p.aggregate(it)
	case *ast.RelationQuery:
		if it == nil {
			p.missing("relation query")
			return
		}
		p.subquery(p.fits(it, tail), it.Lparen, it.Query, it.Rparen)
	default:
		p.missing("SELECT item")
	}
}

// aggregate prints FUNC(field) [AS alias].
func (p *printer) aggregate(a *ast.AggregateExpr) {
	if a == nil {
		p.missing("aggregate")
		return
	}
	if !lexer.IsAggregate(string(a.Func)) || string(a.Func) != strings.ToUpper(string(a.Func)) {
		p.errorf("unknown aggregate function %q", a.Func)
	}
	p.token(string(a.Func), a.FuncRng)
	p.punct("(")
	p.field(a.Arg)
	p.token(")", a.Rparen)
	if a.Alias != nil {
		p.space()
		p.punct("AS")
		p.space()
		p.ident(a.Alias, false)
	}
}

// subquery prints `(q)`: on one line when oneLine is set, otherwise as a
// block: `(` ends its line, q follows indented by indentStep more than
// that line, and `)` starts a line indented like it.
func (p *printer) subquery(oneLine bool, lp diag.Range, q *ast.Query, rp diag.Range) {
	p.token("(", lp)
	if oneLine && q != nil {
		p.query(q, p.indent)
		p.token(")", rp)
		return
	}
	ind := p.indent
	p.newline(ind + indentStep)
	p.query(q, ind+indentStep)
	p.newline(ind)
	p.token(")", rp)
}

// field prints a field path; the first segment takes `@` when it is any
// keyword, the others only when reserved.
func (p *printer) field(f *ast.FieldRef) {
	if f == nil || len(f.Segments) == 0 {
		p.missing("field")
		return
	}
	for i, s := range f.Segments {
		if i > 0 {
			p.punct(".")
		}
		p.ident(s, i == 0)
	}
}

// ident prints a name, with `@` when the bare name would read as a keyword
// (any keyword if keywords is set, else a reserved word).
func (p *printer) ident(id *ast.Ident, keywords bool) {
	if id == nil {
		p.missing("name")
		return
	}
	if !lexer.IsName(id.Name) {
		p.errorf("invalid name %q", id.Name)
	}
	p.token(nameText(id.Name, keywords), id.Rng)
}

// literal prints a literal in canonical form.
func (p *printer) literal(l ast.Literal) {
	if isNilNode(l) {
		p.missing("value")
		return
	}
	text, ok := literalText(l)
	if !ok {
		p.errorf("cannot write %s as a literal", describeLiteral(l))
	}
	p.token(text, l.Range())
}

// missing prints a placeholder for a nil part of a hand-built or partial
// tree and records the error.
func (p *printer) missing(what string) {
	p.errorf("missing %s", what)
	p.punct("<missing " + what + ">")
}
