package ast

// ReplaceParams replaces every bind parameter of the tree rooted at n
// where CZQL allows one — the value of a comparison, an IN list's items,
// a LIKE pattern, LIMIT and OFFSET, of sub-queries too — by what replace
// returns for it: one literal, or in an IN list (inList true) any number
// of them. replace returning nil keeps the parameter.
func ReplaceParams(n Node, replace func(p *ParamRef, inList bool) []Literal) {
	one := func(l Literal) Literal {
		if p, ok := l.(*ParamRef); ok && p != nil {
			if r := replace(p, false); len(r) > 0 {
				return r[0]
			}
		}
		return l
	}
	Inspect(n, func(n Node) bool {
		switch n := n.(type) {
		case *CompareExpr:
			n.Y = one(n.Y)
		case *LikeExpr:
			n.Pattern = one(n.Pattern)
		case *LimitClause:
			n.Value = one(n.Value)
		case *OffsetClause:
			n.Value = one(n.Value)
		case *InExpr:
			n.List = replaceInList(n.List, replace)
		}
		return true
	})
}

// replaceInList returns list with its parameters replaced.
func replaceInList(list []Literal, replace func(p *ParamRef, inList bool) []Literal) []Literal {
	out := list[:0:0]
	for _, l := range list {
		if p, ok := l.(*ParamRef); ok && p != nil {
			if r := replace(p, true); r != nil {
				out = append(out, r...)
				continue
			}
		}
		out = append(out, l)
	}
	return out
}
