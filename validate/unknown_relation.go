package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// UnknownRelation reports a relation sub-select naming a relation the
// entity lacks.
var UnknownRelation = &Rule{
	Name: "unknown-relation",
	Doc: `Reports a relation sub-select "(SELECT … FROM Relation)" whose FROM
does not name a relation of the outer entity, with the closest relation names
as suggestions. The fields of a known relation's sub-select are checked
against the related entity (relatedTypeName).`,
	Severity: diag.Error,
	Run:      runUnknownRelation,
}

func runUnknownRelation(p *Pass) {
	ast.Inspect(p.Query, func(n ast.Node) bool {
		q, ok := n.(*ast.Query)
		if !ok || q == nil || q.Select == nil {
			return true
		}
		ent := p.Info.Entities[q]
		if ent == nil {
			return true
		}
		for _, it := range q.Select.Items {
			rq, ok := it.(*ast.RelationQuery)
			if !ok || rq == nil || rq.Query == nil || rq.Query.From == nil || rq.Query.From.Entity == nil {
				continue
			}
			if p.Info.Relations[rq] == nil {
				p.Report(unknownRelation(ent, rq.Query.From.Entity))
			}
		}
		return true
	})
}

// unknownRelation builds the diagnostic for id, not a relation of ent.
func unknownRelation(ent *metadata.Entity, id *ast.Ident) diag.Diagnostic {
	d := diag.Diagnostic{
		Range:   id.Rng,
		Message: "entity " + quote(ent.TypeName) + " has no relation " + quote(id.Name),
		Detail:  "A sub-select in the SELECT list reads a relation of the outer entity, named as in describeMetadata's relations.",
	}
	var names []string
	for _, r := range ent.AllRelations() {
		names = append(names, r.Name)
	}
	return withSuggestions(d, id, names)
}
