package validate

import (
	"strings"

	"github.com/czql/czql/diag"
)

// BadReference reports an entity id whose type cannot be the value of the
// reference field it is compared with.
var BadReference = &Rule{
	Name: "bad-reference",
	Doc: `Reports an id literal '/Type/id' compared with a reference field when
Type is neither one of the field's referencedEntities nor a subtype of one
(for example '/Project/…' compared with Manager, a reference to User), and
an id with no local part ('/User/'). Fields whose targets are unknown are
not checked.`,
	Severity: diag.Error,
	Run:      runBadReference,
}

func runBadReference(p *Pass) {
	if p.Meta == nil {
		return
	}
	for _, u := range p.valueUses() {
		f := u.field
		typ, local, ok := entityID(u.lit.Value)
		if !ok || f.Type != "Entity" || len(f.ReferencedEntities) == 0 {
			continue
		}
		switch {
		case typ == "" || local == "":
			p.Report(diag.Diagnostic{Range: u.lit.Rng,
				Message: "malformed entity id " + quote(u.lit.Value),
				Detail:  "An entity id has the form /Type/id, such as /User/4batkam0jt4xn0l3cdx4y8ueg4."})
		case !targetOK(p.Meta, f, typ):
			p.Report(diag.Diagnostic{Range: u.lit.Rng,
				Message: "field " + quote(f.Name) + " references " + listNames(f.ReferencedEntities) + ", not " + quote(typ),
				Detail:  "The id's type must be one of the field's referencedEntities or a subtype of one."})
		}
	}
}

// listNames quotes names for a message: "A", "B" or "C".
func listNames(names []string) string {
	var b strings.Builder
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(quote(n))
	}
	return b.String()
}
