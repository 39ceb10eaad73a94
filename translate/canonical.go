package translate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/validate"
)

// Canonical returns q with every name the validator resolved (entities,
// relations, field path segments, aliases) spelt as in the metadata, so
// that `czql translate --metadata` emits `"typeName": "Task"` for
// `FROM task`. q itself is not changed: the nodes that need a new name are
// copied and the rest is shared. With a nil info, or a nil q, q is
// returned as is.
func Canonical(q *ast.Query, info *validate.Info) *ast.Query {
	if q == nil || info == nil || len(info.Canonical) == 0 {
		return q
	}
	c := canonicalizer{info}
	return c.query(q)
}

// canonicalizer copies a query with canonical names.
type canonicalizer struct{ info *validate.Info }

func (c canonicalizer) query(q *ast.Query) *ast.Query {
	if q == nil {
		return nil
	}
	n := *q
	if q.Select != nil {
		sel := *q.Select
		sel.Items = make([]ast.SelectItem, len(q.Select.Items))
		for i, it := range q.Select.Items {
			sel.Items[i] = c.item(it)
		}
		n.Select = &sel
	}
	if q.From != nil {
		n.From = &ast.FromClause{Keyword: q.From.Keyword, Entity: c.ident(q.From.Entity)}
	}
	if q.Where != nil {
		n.Where = &ast.WhereClause{Keyword: q.Where.Keyword, Cond: c.cond(q.Where.Cond)}
	}
	if q.GroupBy != nil {
		g := &ast.GroupByClause{Keyword: q.GroupBy.Keyword, Fields: make([]*ast.FieldRef, len(q.GroupBy.Fields))}
		for i, f := range q.GroupBy.Fields {
			g.Fields[i] = c.field(f)
		}
		n.GroupBy = g
	}
	n.OrderBy = c.orderBy(q.OrderBy)
	return &n
}

func (c canonicalizer) orderBy(o *ast.OrderByClause) *ast.OrderByClause {
	if o == nil {
		return nil
	}
	out := &ast.OrderByClause{Keyword: o.Keyword, Items: make([]*ast.OrderItem, len(o.Items))}
	for i, it := range o.Items {
		if it == nil {
			continue
		}
		cp := *it
		cp.Field = c.field(it.Field)
		out.Items[i] = &cp
	}
	return out
}

func (c canonicalizer) item(it ast.SelectItem) ast.SelectItem {
	switch it := it.(type) {
	case *ast.FieldRef:
		return c.field(it)
	case *ast.AggregateExpr:
		if it == nil {
			return it
		}
		cp := *it
		cp.Arg = c.field(it.Arg)
		return &cp
	case *ast.RelationQuery:
		if it == nil {
			return it
		}
		cp := *it
		cp.Query = c.query(it.Query)
		return &cp
	}
	return it
}

func (c canonicalizer) cond(e ast.Expr) ast.Expr {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e != nil {
			return &ast.BinaryExpr{X: c.cond(e.X), Op: e.Op, OpRng: e.OpRng, Y: c.cond(e.Y)}
		}
	case *ast.NotExpr:
		if e != nil {
			return &ast.NotExpr{Not: e.Not, X: c.cond(e.X)}
		}
	case *ast.ParenExpr:
		if e != nil {
			return &ast.ParenExpr{Lparen: e.Lparen, X: c.cond(e.X), Rparen: e.Rparen}
		}
	case *ast.CompareExpr:
		if e != nil {
			cp := *e
			cp.X = c.field(e.X)
			return &cp
		}
	case *ast.LikeExpr:
		if e != nil {
			cp := *e
			cp.X = c.field(e.X)
			return &cp
		}
	case *ast.InExpr:
		if e != nil {
			cp := *e
			cp.X = c.field(e.X)
			cp.Query = c.query(e.Query)
			return &cp
		}
	}
	return e
}

// field returns f, or a copy of it when a segment has another canonical
// spelling.
func (c canonicalizer) field(f *ast.FieldRef) *ast.FieldRef {
	if f == nil {
		return nil
	}
	var segs []*ast.Ident
	for i, s := range f.Segments {
		n := c.ident(s)
		if n != s && segs == nil {
			segs = append([]*ast.Ident(nil), f.Segments...)
		}
		if segs != nil {
			segs[i] = n
		}
	}
	if segs == nil {
		return f
	}
	return &ast.FieldRef{Segments: segs}
}

// ident returns id, or a copy with the canonical name when it differs.
func (c canonicalizer) ident(id *ast.Ident) *ast.Ident {
	if id == nil {
		return nil
	}
	name, ok := c.info.Canonical[id]
	if !ok || name == id.Name {
		return id
	}
	return &ast.Ident{Name: name, Rng: id.Rng}
}
