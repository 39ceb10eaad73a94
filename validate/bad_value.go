package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// BadValue reports a pick-list or State value that the metadata does not
// list.
var BadValue = &Rule{
	Name: "bad-value",
	Doc: `Reports a string compared (=, <>, IN) with a pick-list field whose
value is not among the pickups of the referenced pick-list entity, or, for
the State field of an entity with validStates, not among them; the closest
values are suggested. Both the bare value ('Active') and the id form
('/State/Active') are accepted. A value that matches only when case is
ignored gets a warning, since the server's matching of values is not
documented. A type name compared with EntityType must name an entity.`,
	Severity: diag.Error,
	Run:      runBadValue,
}

func runBadValue(p *Pass) {
	if p.Meta == nil {
		return
	}
	for _, u := range p.valueUses() {
		if strings.EqualFold(u.field.Name, "EntityType") {
			checkEntityType(p, u.lit)
			continue
		}
		vals, what := allowedValues(p.Meta, u)
		if len(vals) > 0 {
			checkValue(p, u, vals, what)
		}
	}
}

// allowedValues returns the values u's field accepts and what they are
// (see [metadata.Metadata.Values], which completion shares).
func allowedValues(md *metadata.Metadata, u valueUse) ([]string, string) {
	var from *metadata.Entity
	if len(u.fi.Segments) == 1 {
		from = u.fi.Entity
	}
	vals, states := md.Values(from, u.field)
	if states != nil {
		return vals, "a valid state of " + quote(states.TypeName)
	}
	return vals, "a value of pick-list " + listNames(u.field.ReferencedEntities)
}

// checkValue reports u's literal when it is not among vals.
func checkValue(p *Pass, u valueUse, vals []string, what string) {
	v := u.lit.Value
	if typ, local, ok := entityID(v); ok {
		if !targetOK(p.Meta, u.field, typ) {
			return // bad-reference reports it
		}
		v = local
	}
	var folded string
	for _, x := range vals {
		if x == v {
			return
		}
		if strings.EqualFold(x, v) {
			folded = x
		}
	}
	d := diag.Diagnostic{Range: u.lit.Rng,
		Message: quote(v) + " is not " + what,
		Detail:  "The known values are " + listNames(vals) + "."}
	if folded != "" {
		d.Severity = diag.Info
		d.Message = quote(v) + " differs in case from " + quote(folded)
	}
	p.Report(valueSuggestion(d, u.lit, v, vals))
}

// valueSuggestion adds a did-you-mean for a value; the edit keeps the id
// prefix and the quotes of the literal.
func valueSuggestion(d diag.Diagnostic, lit *ast.StringLit, v string, vals []string) diag.Diagnostic {
	s := diag.Suggest(v, vals)
	if len(s) == 0 {
		return d
	}
	sug := diag.Suggestion{Message: didYouMean(s)}
	if len(s) == 1 && lit.Rng.Len() >= 2 {
		inner := lit.Rng
		inner.Start.Offset++
		inner.Start.Col++
		inner.End.Offset--
		inner.End.Col--
		if inner.Len() == len(lit.Value) {
			prefix := strings.TrimSuffix(lit.Value, v)
			sug.Edits = []diag.Edit{{Range: inner, NewText: prefix + s[0]}}
		}
	}
	d.Suggestions = append(d.Suggestions, sug)
	return d
}

// checkEntityType reports a type name compared with EntityType that names
// no entity.
func checkEntityType(p *Pass, lit *ast.StringLit) {
	if strings.HasPrefix(lit.Value, "/") || p.Meta.Entity(lit.Value) != nil {
		return
	}
	d := diag.Diagnostic{Range: lit.Rng, Severity: diag.Warning,
		Message: quote(lit.Value) + " is not an entity type",
		Detail:  "EntityType holds the type name of an entity listed in the metadata."}
	p.Report(valueSuggestion(d, lit, lit.Value, p.Meta.EntityNames()))
}
