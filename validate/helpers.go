package validate

import (
	"strconv"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// queries returns q and all its sub-queries (relation sub-selects and IN
// sub-queries) in source order.
func queries(q *ast.Query) []*ast.Query {
	var out []*ast.Query
	var add func(*ast.Query)
	add = func(q *ast.Query) {
		if q == nil {
			return
		}
		out = append(out, q)
		if q.Select != nil {
			for _, it := range q.Select.Items {
				if rq, ok := it.(*ast.RelationQuery); ok && rq != nil {
					add(rq.Query)
				}
			}
		}
		if q.Where != nil {
			predicates(q.Where.Cond, func(e ast.Expr) {
				if in, ok := e.(*ast.InExpr); ok {
					add(in.Query)
				}
			})
		}
	}
	add(q)
	return out
}

// predicates calls f for every CompareExpr, InExpr and LikeExpr of e, in
// source order, without entering IN sub-queries.
func predicates(e ast.Expr, f func(ast.Expr)) {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e != nil {
			predicates(e.X, f)
			predicates(e.Y, f)
		}
	case *ast.NotExpr:
		if e != nil {
			predicates(e.X, f)
		}
	case *ast.ParenExpr:
		if e != nil {
			predicates(e.X, f)
		}
	case *ast.CompareExpr:
		if e != nil && e.X != nil {
			f(e)
		}
	case *ast.InExpr:
		if e != nil && e.X != nil {
			f(e)
		}
	case *ast.LikeExpr:
		if e != nil && e.X != nil {
			f(e)
		}
	}
}

// wherePredicates calls f for each predicate of every query of the pass.
func (p *Pass) wherePredicates(f func(q *ast.Query, e ast.Expr)) {
	for _, q := range queries(p.Query) {
		if q.Where != nil {
			predicates(q.Where.Cond, func(e ast.Expr) { f(q, e) })
		}
	}
}

// predicateField returns the field reference on the left of a predicate.
func predicateField(e ast.Expr) *ast.FieldRef {
	switch e := e.(type) {
	case *ast.CompareExpr:
		return e.X
	case *ast.InExpr:
		return e.X
	case *ast.LikeExpr:
		return e.X
	}
	return nil
}

// fieldOf returns the resolved final field of ref, or nil.
func (p *Pass) fieldOf(ref *ast.FieldRef) *metadata.Field {
	if fi := p.Info.Fields[ref]; fi != nil && fi.Status == PathOK {
		return fi.Field
	}
	return nil
}

// isAggregate reports whether q is an aggregate query: it has a GROUP BY
// or an aggregate in its SELECT list.
func isAggregate(q *ast.Query) bool {
	if q == nil {
		return false
	}
	if q.GroupBy != nil {
		return true
	}
	if q.Select != nil {
		for _, it := range q.Select.Items {
			if a, ok := it.(*ast.AggregateExpr); ok && a != nil {
				return true
			}
		}
	}
	return false
}

// withSuggestions adds a did-you-mean suggestion for the name written at id
// among candidates to d; with exactly one candidate it carries the edit
// that replaces the name.
func withSuggestions(d diag.Diagnostic, id *ast.Ident, candidates []string) diag.Diagnostic {
	if id == nil {
		return d
	}
	s := diag.Suggest(id.Name, candidates)
	if len(s) == 0 {
		return d
	}
	sug := diag.Suggestion{Message: didYouMean(s)}
	if len(s) == 1 {
		text := s[0]
		if id.Rng.Len() > len(id.Name) { // written with the @ escape
			text = "@" + text
		}
		sug.Edits = []diag.Edit{{Range: id.Rng, NewText: text}}
	}
	d.Suggestions = append(d.Suggestions, sug)
	return d
}

// didYouMean formats `did you mean "X", "Y" or "Z"?`.
func didYouMean(names []string) string {
	var b strings.Builder
	b.WriteString("did you mean ")
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(n))
	}
	b.WriteString("?")
	return b.String()
}

// fieldNames returns the field names of the entities, each once.
func fieldNames(ents []*metadata.Entity) []string {
	if len(ents) == 1 {
		return ents[0].FieldNames()
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range ents {
		for _, n := range e.FieldNames() {
			if !seen[strings.ToLower(n)] {
				seen[strings.ToLower(n)] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// entityList quotes the type names of ents for a message: "A", "B" or "C".
func entityList(ents []*metadata.Entity) string {
	var b strings.Builder
	for i, e := range ents {
		switch {
		case i == 0:
		case i == len(ents)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(e.TypeName))
	}
	return b.String()
}
