package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// NotFilterable reports a WHERE condition on a field that is not
// filterable.
var NotFilterable = &Rule{
	Name: "not-filterable",
	Doc: `Reports a field used in a WHERE condition whose metadata says
filterable: false. What the server does with such a condition is not
documented (czql-reference.md §6.6), so this is a warning. EntityType is
exempt: the describeMetadata marks it filterable false, yet conditions such
as EntityType = 'Task' are seen working in production code (§2.8).`,
	Severity: diag.Warning,
	Run:      runNotFilterable,
}

func runNotFilterable(p *Pass) {
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		ref := predicateField(e)
		if f := p.fieldOf(ref); f != nil && !f.Filterable && !strings.EqualFold(f.Name, "EntityType") {
			p.Report(diag.Diagnostic{Range: ref.Range(),
				Message: "field " + quote(f.Name) + " is not filterable",
				Detail:  "The metadata marks the field filterable: false; the server may reject or ignore the condition."})
		}
	})
}
