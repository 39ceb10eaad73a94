package grammar

import (
	"sort"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// Every function here returns the node and its range. The ranges are built
// bottom up, so that a long chain of ANDs is not walked again for each of
// its operators.

// condition lowers an OR of ANDs into left-nested [ast.BinaryExpr]s.
func (l *lowerer) condition(c *condition) (ast.Expr, diag.Range) {
	x, xr := l.and(c.Terms[0])
	for _, t := range c.Terms[1:] {
		op := l.operatorAfter(xr, "OR")
		y, yr := l.and(t)
		x, xr = &ast.BinaryExpr{X: x, Op: ast.Or, OpRng: op, Y: y}, xr.Cover(yr)
	}
	return x, xr
}

// and lowers an AND of unary conditions.
func (l *lowerer) and(c *andCondition) (ast.Expr, diag.Range) {
	x, xr := l.unary(c.Factors[0])
	for _, f := range c.Factors[1:] {
		op := l.operatorAfter(xr, "AND")
		y, yr := l.unary(f)
		x, xr = &ast.BinaryExpr{X: x, Op: ast.And, OpRng: op, Y: y}, xr.Cover(yr)
	}
	return x, xr
}

// operatorAfter returns the range of the AND or OR token that follows the
// left operand spanning xr, or the zero range if it is not there.
func (l *lowerer) operatorAfter(xr diag.Range, word string) diag.Range {
	i := sort.Search(len(l.toks), func(i int) bool { return l.toks[i].Start >= xr.End.Offset })
	if i < len(l.toks) && l.toks[i].IsWord(word) {
		t := l.toks[i]
		return l.lines.Range(t.Start, t.End())
	}
	return diag.Range{}
}

// unary lowers NOT, a parenthesised condition or a predicate.
func (l *lowerer) unary(u *unaryCondition) (ast.Expr, diag.Range) {
	switch {
	case u.Not != nil:
		not := l.rng(*u.Not)
		x, xr := l.unary(u.Negated)
		return &ast.NotExpr{Not: not, X: x}, not.Cover(xr)
	case u.Lparen != nil:
		lp := l.rng(*u.Lparen)
		x, xr := l.condition(u.Group)
		rp := l.rng(u.Rparen)
		return &ast.ParenExpr{Lparen: lp, X: x, Rparen: rp}, lp.Cover(xr).Cover(rp)
	}
	return l.predicate(u.Predicate)
}

// predicate lowers a comparison, IN, LIKE or IS [NOT] NULL.
func (l *lowerer) predicate(p *predicate) (ast.Expr, diag.Range) {
	f := l.field(p.Field)
	fr := f.Range()
	switch {
	case p.Compare != nil:
		c := p.Compare
		y := l.literal(c.Value.Token)
		return &ast.CompareExpr{X: f, Op: compareOp(c.Op.Value), OpRng: l.rng(c.Op), Y: y}, fr.Cover(y.Range())
	case p.In != nil:
		return l.in(f, p.Not, p.In)
	case p.Like != nil:
		y := l.literal(p.Like.Pattern.Token)
		op := l.notRange(p.Not).Cover(l.rng(p.Like.Like))
		return &ast.LikeExpr{X: f, Not: p.Not != nil, OpRng: op, Pattern: y}, fr.Cover(y.Range())
	}
	return l.isNull(f, p.IsNull)
}

// in lowers `[NOT] IN (…)`.
func (l *lowerer) in(f *ast.FieldRef, not *plexer.Token, p *in) (ast.Expr, diag.Range) {
	out := &ast.InExpr{
		X:      f,
		Not:    not != nil,
		OpRng:  l.notRange(not).Cover(l.rng(p.In)),
		Lparen: l.rng(p.Lparen),
		Rparen: l.rng(p.Rparen),
	}
	if p.Query != nil {
		out.Query = l.query(p.Query)
	} else {
		out.List = make([]ast.Literal, 0, len(p.Values))
		for _, v := range p.Values {
			out.List = append(out.List, l.literal(v.Token))
		}
	}
	return out, f.Range().Cover(out.Lparen).Cover(out.Rparen)
}

// isNull lowers `IS [NOT] NULL` to a comparison with NULL.
func (l *lowerer) isNull(f *ast.FieldRef, p *isNull) (ast.Expr, diag.Range) {
	op, opRng := ast.Eq, l.rng(p.Is)
	if p.Not != nil {
		op, opRng = ast.Ne, opRng.Cover(l.rng(*p.Not))
	}
	null := &ast.NullLit{Rng: l.rng(p.Null)}
	return &ast.CompareExpr{X: f, Op: op, OpRng: opRng, Y: null}, f.Range().Cover(null.Rng)
}

// notRange returns the range of an optional NOT token.
func (l *lowerer) notRange(not *plexer.Token) diag.Range {
	if not == nil {
		return diag.Range{}
	}
	return l.rng(*not)
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
