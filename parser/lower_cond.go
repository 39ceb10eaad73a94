package parser

import (
	"sort"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// Every function here returns the node and its range. The ranges are
// built bottom up so that lowering a chain of a million ANDs stays linear:
// asking the tree for them would walk each left-nested chain again.

// condition lowers an OR of ANDs into left-nested [ast.BinaryExpr]s. A
// missing condition becomes a BadExpr at r.
func (l *lowerer) condition(c *condition, r diag.Range) (ast.Expr, diag.Range) {
	if c == nil || len(c.Terms) == 0 {
		return bad(r)
	}
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
	if c == nil || len(c.Factors) == 0 {
		return bad(l.errRange)
	}
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
	i := sort.Search(len(l.toks), func(i int) bool { return l.toks[i].Pos.Offset >= xr.End.Offset })
	if i < len(l.toks) && isWord(l.toks[i], word) {
		return lexer.Range(l.toks[i])
	}
	return diag.Range{}
}

// unary lowers NOT, a parenthesised condition or a predicate.
func (l *lowerer) unary(u *unaryCondition) (ast.Expr, diag.Range) {
	switch {
	case u == nil:
		return bad(l.errRange)
	case u.Not != nil:
		not := lexer.Range(*u.Not)
		x, xr := l.unary(u.Negated)
		return &ast.NotExpr{Not: not, X: x}, not.Cover(xr)
	case u.Lparen != nil:
		lp := lexer.Range(*u.Lparen)
		x, xr := l.condition(u.Group, l.errRange)
		rp := tokenRange(u.Rparen)
		return &ast.ParenExpr{Lparen: lp, X: x, Rparen: rp}, lp.Cover(xr).Cover(rp)
	case u.Predicate != nil:
		return l.predicate(u.Predicate)
	}
	return bad(l.errRange)
}

// predicate lowers a comparison, IN, LIKE or IS [NOT] NULL. A predicate
// participle did not finish becomes a BadExpr over what it read.
func (l *lowerer) predicate(p *predicate) (ast.Expr, diag.Range) {
	f := l.field(p.Field)
	if f == nil {
		return bad(l.errRange)
	}
	fr := f.Range()
	switch {
	case p.Compare != nil && p.Compare.Value != nil:
		c := p.Compare
		y := lowerLiteral(c.Value.Token)
		return &ast.CompareExpr{X: f, Op: compareOp(c.Op.Value), OpRng: lexer.Range(c.Op), Y: y}, fr.Cover(y.Range())
	case p.In != nil && p.In.Lparen.Value != "":
		return l.in(f, p.Not, p.In)
	case p.Like != nil && p.Like.Pattern != nil:
		y := lowerLiteral(p.Like.Pattern.Token)
		op := notRange(p.Not).Cover(lexer.Range(p.Like.Like))
		return &ast.LikeExpr{X: f, Not: p.Not != nil, OpRng: op, Pattern: y}, fr.Cover(y.Range())
	case p.IsNull != nil && p.IsNull.Null.Value != "":
		return isNullExpr(f, p.IsNull)
	}
	return bad(fr.Cover(l.errRange))
}

// in lowers `[NOT] IN (…)`.
func (l *lowerer) in(f *ast.FieldRef, not *plexer.Token, p *in) (ast.Expr, diag.Range) {
	out := &ast.InExpr{
		X:      f,
		Not:    not != nil,
		OpRng:  notRange(not).Cover(lexer.Range(p.In)),
		Lparen: lexer.Range(p.Lparen),
		Rparen: tokenRange(p.Rparen),
	}
	if p.Query != nil && p.Query.Select.Value != "" {
		out.Query = l.query(p.Query, inSubquery)
	} else {
		out.List = make([]ast.Literal, 0, len(p.Values))
		for _, v := range p.Values {
			if v != nil && v.Token.Value != "" {
				out.List = append(out.List, lowerLiteral(v.Token))
			}
		}
	}
	r := f.Range().Cover(out.Lparen).Cover(out.Rparen)
	return out, r
}

// isNullExpr lowers `IS [NOT] NULL` to a comparison with NULL.
func isNullExpr(f *ast.FieldRef, p *isNull) (ast.Expr, diag.Range) {
	op := ast.Eq
	opRng := lexer.Range(p.Is)
	if p.Not != nil {
		op, opRng = ast.Ne, opRng.Cover(lexer.Range(*p.Not))
	}
	null := &ast.NullLit{Rng: lexer.Range(p.Null)}
	return &ast.CompareExpr{X: f, Op: op, OpRng: opRng, Y: null}, f.Range().Cover(null.Rng)
}

// notRange returns the range of an optional NOT token.
func notRange(not *plexer.Token) diag.Range {
	if not == nil {
		return diag.Range{}
	}
	return lexer.Range(*not)
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

// lowerLiteral lowers a literal token. Strings are unquoted; numbers and
// dates keep their text.
func lowerLiteral(t plexer.Token) ast.Literal {
	r := lexer.Range(t)
	switch t.Type {
	case lexer.String:
		v, _ := lexer.Unquote(t.Value)
		return &ast.StringLit{Value: v, Rng: r}
	case lexer.Number:
		return &ast.NumberLit{Raw: t.Value, Rng: r}
	case lexer.Date:
		return &ast.DateLit{Raw: t.Value, Rng: r}
	case lexer.Param:
		return &ast.ParamRef{Name: t.Value[1:], Rng: r}
	}
	switch {
	case isWord(t, "TRUE"):
		return &ast.BoolLit{Value: true, Rng: r}
	case isWord(t, "FALSE"):
		return &ast.BoolLit{Value: false, Rng: r}
	}
	return &ast.NullLit{Rng: r}
}

// bad returns a BadExpr spanning r.
func bad(r diag.Range) (ast.Expr, diag.Range) { return &ast.BadExpr{Rng: r}, r }
