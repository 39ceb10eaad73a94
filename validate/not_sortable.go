package validate

import (
	"github.com/czql/czql/diag"
)

// NotSortable reports ORDER BY on a field that is not sortable.
var NotSortable = &Rule{
	Name: "not-sortable",
	Doc: `Reports an ORDER BY field whose metadata says sortable: false. What
the server does with it is not documented (czql-reference.md §6.6), so this
is a warning.`,
	Severity: diag.Warning,
	Run:      runNotSortable,
}

func runNotSortable(p *Pass) {
	for _, q := range queries(p.Query) {
		if q.OrderBy == nil {
			continue
		}
		for _, it := range q.OrderBy.Items {
			if it == nil || it.Field == nil {
				continue
			}
			if f := p.fieldOf(it.Field); f != nil && !f.Sortable {
				p.Report(diag.Diagnostic{Range: it.Field.Range(),
					Message: "field " + quote(f.Name) + " is not sortable",
					Detail:  "The metadata marks the field sortable: false; the server may reject the query or ignore the order."})
			}
		}
	}
}
