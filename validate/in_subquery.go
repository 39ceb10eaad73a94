package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// InSubquery reports an IN sub-query whose entity cannot be the value of
// the field on the left.
var InSubquery = &Rule{
	Name: "in-subquery",
	Doc: `Reports "Field IN (SELECT … FROM E)" when E is not compatible with
Field's referencedEntities: E must be one of them, a subtype of one, or a
base type of one (WorkItem for a reference to Task). Fields that are not
references are reported by type-mismatch, and fields with unknown targets
are not checked.`,
	Severity: diag.Error,
	Run:      runInSubquery,
}

func runInSubquery(p *Pass) {
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		in, ok := e.(*ast.InExpr)
		if !ok || in.Query == nil {
			return
		}
		f := p.fieldOf(in.X)
		sub := p.Info.Entities[in.Query]
		if f == nil || sub == nil || f.Type != "Entity" || len(f.ReferencedEntities) == 0 {
			return
		}
		if targetOK(p.Meta, f, sub.TypeName) {
			return
		}
		for _, ref := range f.ReferencedEntities {
			if e := p.Meta.Entity(ref); e != nil && e.IsA(sub.TypeName) {
				return
			}
		}
		p.Report(diag.Diagnostic{Range: in.Query.From.Entity.Rng,
			Message: "field " + quote(f.Name) + " references " + listNames(f.ReferencedEntities) + ", not " + quote(sub.TypeName),
			Detail:  "The sub-query must return entities the field can hold: one of its referencedEntities or a subtype of one."})
	})
}
