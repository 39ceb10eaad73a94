package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// UnknownField reports a field, or the first segment of a dot path, that
// the queried entity does not have.
var UnknownField = &Rule{
	Name: "unknown-field",
	Doc: `Reports a field name (for a dot path, its first segment) that the
entity of the query does not have, neither declared nor inherited through
parentEntity, with the closest field names as suggestions. In ORDER BY of an
aggregate query the aliases count as names too. Later segments of a path are
checked by bad-path.`,
	Severity: diag.Error,
	Run:      runUnknownField,
}

func runUnknownField(p *Pass) {
	orders := orderRefs(p.Query)
	for _, ref := range fieldRefs(p.Query) {
		fi := p.Info.Fields[ref]
		if fi == nil || fi.Status != PathUnknown {
			continue
		}
		id := ref.Segments[0]
		d := diag.Diagnostic{
			Range:   id.Rng,
			Message: "entity " + quote(fi.Entity.TypeName) + " has no field " + quote(id.Name),
		}
		cands := fi.Entity.FieldNames()
		if len(ref.Segments) == 1 && orders[ref] != nil {
			cands = append(cands, aliasNames(orders[ref])...)
		}
		p.Report(withSuggestions(d, id, cands))
	}
}

// fieldRefs returns every field reference of q and its sub-queries in
// source order.
func fieldRefs(q *ast.Query) []*ast.FieldRef {
	var out []*ast.FieldRef
	ast.Inspect(q, func(n ast.Node) bool {
		if f, ok := n.(*ast.FieldRef); ok && f != nil && len(f.Segments) > 0 && f.Segments[0] != nil {
			out = append(out, f)
		}
		return true
	})
	return out
}

// relationQueries returns the set of queries that are relation sub-selects.
func relationQueries(q *ast.Query) map[*ast.Query]bool {
	out := map[*ast.Query]bool{}
	ast.Inspect(q, func(n ast.Node) bool {
		if rq, ok := n.(*ast.RelationQuery); ok && rq != nil && rq.Query != nil {
			out[rq.Query] = true
		}
		return true
	})
	return out
}

// quote quotes a name for a message.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// orderRefs maps each ORDER BY field reference to its query.
func orderRefs(q *ast.Query) map[*ast.FieldRef]*ast.Query {
	out := map[*ast.FieldRef]*ast.Query{}
	for _, q := range queries(q) {
		if q.OrderBy == nil {
			continue
		}
		for _, it := range q.OrderBy.Items {
			if it != nil && it.Field != nil {
				out[it.Field] = q
			}
		}
	}
	return out
}

// aliasNames returns the aggregate aliases of q's SELECT list.
func aliasNames(q *ast.Query) []string {
	var out []string
	if q.Select == nil {
		return nil
	}
	for _, it := range q.Select.Items {
		if a, ok := it.(*ast.AggregateExpr); ok && a != nil && a.Alias != nil {
			out = append(out, a.Alias.Name)
		}
	}
	return out
}
