package ast

import "github.com/czql/czql/diag"

// Sealing markers, in declaration order.
func (*BinaryExpr) exprNode()  {}
func (*NotExpr) exprNode()     {}
func (*ParenExpr) exprNode()   {}
func (*CompareExpr) exprNode() {}
func (*InExpr) exprNode()      {}
func (*LikeExpr) exprNode()    {}
func (*StringLit) exprNode()   {}
func (*NumberLit) exprNode()   {}
func (*DateLit) exprNode()     {}
func (*BoolLit) exprNode()     {}
func (*NullLit) exprNode()     {}
func (*ParamRef) exprNode()    {}
func (*BadExpr) exprNode()     {}

func (*StringLit) literalNode() {}
func (*NumberLit) literalNode() {}
func (*DateLit) literalNode()   {}
func (*BoolLit) literalNode()   {}
func (*NullLit) literalNode()   {}
func (*ParamRef) literalNode()  {}

func (*FieldRef) selectItemNode()      {}
func (*AggregateExpr) selectItemNode() {}
func (*RelationQuery) selectItemNode() {}

// Range implementations, in declaration order.

// Range returns the span from the first to the last statement.
func (f *File) Range() diag.Range {
	if len(f.Queries) == 0 {
		return diag.Range{}
	}
	return f.Queries[0].Rng.Cover(f.Queries[len(f.Queries)-1].Rng)
}

// Range returns the span of the comment including its markers.
func (c *Comment) Range() diag.Range { return c.Rng }

// Range returns the span of the statement without its ';'.
func (q *Query) Range() diag.Range { return q.Rng }

// Range returns the span from SELECT to the last item.
func (c *SelectClause) Range() diag.Range {
	r := c.Keyword
	if n := len(c.Items); n > 0 && c.Items[n-1] != nil {
		r = r.Cover(c.Items[n-1].Range())
	}
	return r
}

// Range returns the span from FROM to the entity name.
func (c *FromClause) Range() diag.Range { return c.Keyword.Cover(rangeOf(c.Entity)) }

// Range returns the span from WHERE to the end of the condition.
func (c *WhereClause) Range() diag.Range { return c.Keyword.Cover(rangeOf(c.Cond)) }

// Range returns the span from GROUP to the last field.
func (c *GroupByClause) Range() diag.Range {
	if n := len(c.Fields); n > 0 {
		return c.Keyword.Cover(rangeOf(c.Fields[n-1]))
	}
	return c.Keyword
}

// Range returns the span from ORDER to the last item.
func (c *OrderByClause) Range() diag.Range {
	if n := len(c.Items); n > 0 {
		return c.Keyword.Cover(rangeOf(c.Items[n-1]))
	}
	return c.Keyword
}

// Range returns the span from LIMIT to its value.
func (c *LimitClause) Range() diag.Range { return c.Keyword.Cover(rangeOf(c.Value)) }

// Range returns the span from OFFSET to its value.
func (c *OffsetClause) Range() diag.Range { return c.Keyword.Cover(rangeOf(c.Value)) }

// Range returns the span of the field and its direction keyword.
func (o *OrderItem) Range() diag.Range { return rangeOf(o.Field).Cover(o.DirRng) }

// Range returns the span of the name, including a leading `@`.
func (i *Ident) Range() diag.Range { return i.Rng }

// Range returns the span from the first to the last segment.
func (f *FieldRef) Range() diag.Range {
	if len(f.Segments) == 0 {
		return diag.Range{}
	}
	return f.Segments[0].Rng.Cover(f.Segments[len(f.Segments)-1].Rng)
}

// Range returns the span from the function name to the alias or ')'.
func (a *AggregateExpr) Range() diag.Range {
	return a.FuncRng.Cover(a.Rparen).Cover(rangeOf(a.Alias))
}

// Range returns the span from '(' to ')'.
func (r *RelationQuery) Range() diag.Range { return r.Lparen.Cover(r.Rparen) }

// Range returns the span of both operands.
func (b *BinaryExpr) Range() diag.Range { return rangeOf(b.X).Cover(rangeOf(b.Y)) }

// Range returns the span from NOT to the end of the operand.
func (n *NotExpr) Range() diag.Range { return n.Not.Cover(rangeOf(n.X)) }

// Range returns the span from '(' to ')'.
func (p *ParenExpr) Range() diag.Range { return p.Lparen.Cover(p.Rparen) }

// Range returns the span from the field to the value.
func (c *CompareExpr) Range() diag.Range { return rangeOf(c.X).Cover(rangeOf(c.Y)) }

// Range returns the span from the field to ')'.
func (e *InExpr) Range() diag.Range { return rangeOf(e.X).Cover(e.Rparen).Cover(e.OpRng) }

// Range returns the span from the field to the pattern.
func (e *LikeExpr) Range() diag.Range { return rangeOf(e.X).Cover(e.OpRng).Cover(rangeOf(e.Pattern)) }

// Range returns the span of the literal including its quotes.
func (l *StringLit) Range() diag.Range { return l.Rng }

// Range returns the span of the number.
func (l *NumberLit) Range() diag.Range { return l.Rng }

// Range returns the span of the date.
func (l *DateLit) Range() diag.Range { return l.Rng }

// Range returns the span of TRUE or FALSE.
func (l *BoolLit) Range() diag.Range { return l.Rng }

// Range returns the span of NULL.
func (l *NullLit) Range() diag.Range { return l.Rng }

// Range returns the span of `:name`.
func (p *ParamRef) Range() diag.Range { return p.Rng }

// Range returns the span of the unparsable text.
func (b *BadExpr) Range() diag.Range { return b.Rng }

// rangeOf returns n's range, or the zero range when n is nil (including a
// typed nil pointer inside an interface).
func rangeOf(n Node) diag.Range {
	if isNil(n) {
		return diag.Range{}
	}
	return n.Range()
}
