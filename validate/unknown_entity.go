package validate

import (
	"github.com/czql/czql/diag"
)

// UnknownEntity reports a FROM entity that the metadata does not describe.
var UnknownEntity = &Rule{
	Name: "unknown-entity",
	Doc: `Reports a FROM entity (of the query or of an IN sub-query) that the
describeMetadata of the organisation does not list, with the closest entity
names as suggestions. Names match case-insensitively. The fields of a query
on an unknown entity are not checked.`,
	Severity: diag.Error,
	Run:      runUnknownEntity,
}

func runUnknownEntity(p *Pass) {
	if p.Meta == nil {
		return
	}
	rel := relationQueries(p.Query)
	for _, q := range queries(p.Query) {
		if rel[q] || q.From == nil || q.From.Entity == nil || p.Info.Entities[q] != nil {
			continue
		}
		id := q.From.Entity
		d := diag.Diagnostic{
			Range:   id.Rng,
			Message: "unknown entity " + quote(id.Name),
			Detail:  "The metadata lists no entity of that name; names match case-insensitively.",
		}
		p.Report(withSuggestions(d, id, p.Meta.EntityNames()))
	}
}
