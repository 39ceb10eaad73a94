package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// DuplicateField reports a field or an alias selected twice.
var DuplicateField = &Rule{
	Name: "duplicate-field",
	Doc: `Warns about a SELECT list that names the same field path twice
(compared case-insensitively, after resolution to canonical names when the
metadata is known) or gives two aggregates the same alias: the response has
one key per name, so the second adds nothing or overwrites the first.`,
	Severity: diag.Warning,
	Run:      runDuplicateField,
}

func runDuplicateField(p *Pass) {
	for _, q := range queries(p.Query) {
		if q.Select == nil {
			continue
		}
		seen := map[string]bool{}
		for _, it := range q.Select.Items {
			id, name, what := selectName(p, it)
			if id == nil {
				continue
			}
			k := what + strings.ToLower(name)
			if seen[k] {
				p.Report(diag.Diagnostic{Range: *id,
					Message: what + " " + quote(name) + " is selected twice"})
			}
			seen[k] = true
		}
	}
}

// selectName returns the range, name and kind ("field" or "alias") of a
// SELECT item that has one.
func selectName(p *Pass, it ast.SelectItem) (r *diag.Range, name, what string) {
	switch it := it.(type) {
	case *ast.FieldRef:
		if it != nil && len(it.Segments) > 0 {
			rng := it.Range()
			return &rng, p.Info.CanonPath(it), "field"
		}
	case *ast.AggregateExpr:
		if it != nil && it.Alias != nil {
			return &it.Alias.Rng, it.Alias.Name, "alias"
		}
	}
	return nil, "", ""
}
