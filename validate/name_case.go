package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// NameCase reports names written in another case than the metadata's.
var NameCase = &Rule{
	Name: "name-case",
	Doc: `Notes an entity, relation or field name whose spelling differs in
case from the canonical one in the metadata (from task, WorkITem.EntityType).
The server matches names case-insensitively, so this is only a remark, with
an edit to the canonical spelling; the response keys echo the spelling of
the query.`,
	Severity: diag.Info,
	Run:      runNameCase,
}

func runNameCase(p *Pass) {
	ast.Inspect(p.Query, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id == nil {
			return true
		}
		c, ok := p.Info.Canonical[id]
		if !ok || c == id.Name {
			return true
		}
		text := c
		if id.Rng.Len() > len(id.Name) {
			text = "@" + c
		}
		p.Report(diag.Diagnostic{Range: id.Rng,
			Message: quote(id.Name) + " is spelt " + quote(c) + " in the metadata",
			Suggestions: []diag.Suggestion{{
				Message: "write " + quote(c),
				Edits:   []diag.Edit{{Range: id.Rng, NewText: text}},
			}}})
		return true
	})
}
