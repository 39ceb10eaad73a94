package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// Grouping reports aggregate queries that cannot be sent.
var Grouping = &Rule{
	Name: "grouping",
	Doc: `Checks aggregate queries (a GROUP BY or an aggregate in SELECT,
czql-reference.md §4.2): every plain SELECT field must be a GROUP BY field,
since an aggregateQuery has no plain fields; ORDER BY must name a GROUP BY
field or an alias; SUM and AVG need a numeric, Duration or Money field; MIN
and MAX need an ordered field (numeric, date, Duration, Money); a relation
sub-select cannot be part of an aggregate query. Aggregates in WHERE never
reach the validator: the grammar has no place for them there.`,
	Severity: diag.Error,
	Run:      runGrouping,
}

func runGrouping(p *Pass) {
	for _, q := range queries(p.Query) {
		if !isAggregate(q) || q.Select == nil {
			continue
		}
		groups := groupKeys(p, q)
		for _, it := range q.Select.Items {
			switch it := it.(type) {
			case *ast.FieldRef:
				if it != nil && !groups[key(p, it)] {
					p.Report(diag.Diagnostic{Range: it.Range(),
						Message: "field " + quote(it.Path()) + " must be in GROUP BY or inside an aggregate",
						Detail:  "An aggregate query returns one row per group, so each plain field of SELECT must be a GROUP BY field."})
				}
			case *ast.AggregateExpr:
				checkAggregateArg(p, it)
			case *ast.RelationQuery:
				if it != nil {
					p.Report(diag.Diagnostic{Range: it.Range(),
						Message: "a relation sub-select cannot be part of an aggregate query"})
				}
			}
		}
		checkGroupOrder(p, q, groups)
	}
}

// groupKeys returns the keys of q's GROUP BY fields.
func groupKeys(p *Pass, q *ast.Query) map[string]bool {
	out := map[string]bool{}
	if q.GroupBy != nil {
		for _, f := range q.GroupBy.Fields {
			if f != nil {
				out[key(p, f)] = true
			}
		}
	}
	return out
}

// key is the case-folded canonical path of f.
func key(p *Pass, f *ast.FieldRef) string { return strings.ToLower(p.Info.CanonPath(f)) }

// checkGroupOrder reports ORDER BY items that are neither group fields nor
// aliases.
func checkGroupOrder(p *Pass, q *ast.Query, groups map[string]bool) {
	if q.OrderBy == nil {
		return
	}
	for _, it := range q.OrderBy.Items {
		if it == nil || it.Field == nil || groups[key(p, it.Field)] {
			continue
		}
		if fi := p.Info.Fields[it.Field]; fi != nil && fi.Alias != nil {
			continue
		}
		if fi := p.Info.Fields[it.Field]; fi != nil && fi.Status == PathUnknown {
			continue // unknown-field reports it
		}
		p.Report(diag.Diagnostic{Range: it.Field.Range(),
			Message: "ORDER BY " + quote(it.Field.Path()) + " names neither a GROUP BY field nor an alias",
			Detail:  "An aggregate query can only be ordered by its GROUP BY fields and the aliases of its aggregates."})
	}
}

// checkAggregateArg reports SUM/AVG/MIN/MAX on a field type they do not
// apply to.
func checkAggregateArg(p *Pass, a *ast.AggregateExpr) {
	if a == nil || a.Arg == nil {
		return
	}
	f := p.fieldOf(a.Arg)
	if f == nil {
		return
	}
	t := f.Type
	ok, need := true, ""
	switch a.Func {
	case ast.Sum, ast.Avg:
		ok, need = t.IsNumeric() || t == metadata.Duration || t == metadata.Money, "a numeric, Duration or Money field"
	case ast.Min, ast.Max:
		ok, need = t.IsNumeric() || t.IsTemporal() || t == metadata.Duration || t == metadata.Money, "a numeric, date, Duration or Money field"
	}
	if !ok {
		p.Report(diag.Diagnostic{Range: a.Arg.Range(),
			Message: string(a.Func) + " cannot be applied to " + string(t) + " field " + quote(f.Name),
			Detail:  string(a.Func) + " needs " + need + "."})
	}
}
