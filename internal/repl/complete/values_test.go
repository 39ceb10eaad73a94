package complete

import (
	"slices"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/format"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// The values offered after `State =` (and any pick-list field's `=`) are
// exactly those the validator accepts there (rule bad-value): for every
// entity of the fixture, directly and through a reference, each value of
// the pick lists the field refers to is offered if and only if the
// validator accepts it.
func TestOfferedValuesAreTheValidatorsValues(t *testing.T) {
	md := fixture(t, 0)
	checked, left := 0, 0
	for _, ent := range md.Entities() {
		for _, where := range []string{"State", "Manager.State", "Parent.State"} {
			text := "SELECT Name FROM " + ent.TypeName + " WHERE " + where + " = "
			f := comparedField(t, md, text+"'x'")
			if !f.IsPickList() {
				continue
			}
			var offered []string
			for _, it := range Complete(md, text, len(text)).Items {
				if it.Kind == Value && it.Text != "NULL" {
					offered = append(offered, it.Text)
				}
			}
			for _, ref := range f.ReferencedEntities {
				for _, v := range md.Entity(ref).PickupValues() {
					lit := format.Quote(v)
					accepted, isOffered := badValues(t, md, text+lit) == 0, slices.Contains(offered, lit)
					if accepted != isOffered {
						t.Errorf("%s%s: accepted by the validator %v, offered by completion %v", text, lit, accepted, isOffered)
					}
					checked++
					if !accepted {
						left++
					}
				}
			}
		}
	}
	if checked < 100 || left == 0 {
		t.Errorf("%d values checked, %d of them rejected: the fixture no longer tells", checked, left)
	}
}

// comparedField returns the field the WHERE clause of the query text
// compares.
func comparedField(t *testing.T, md *metadata.Metadata, text string) *metadata.Field {
	t.Helper()
	q, diags := parser.ParseQuery("", []byte(text))
	if diags.HasErrors() {
		t.Fatalf("%s: %v", text, diags)
	}
	info, _ := validate.Check(q, md, validate.UnknownField)
	if fi := info.Fields[q.Where.Cond.(*ast.CompareExpr).X]; fi != nil {
		return fi.Field
	}
	return nil
}

// badValues returns the number of bad-value diagnostics of the query text.
func badValues(t *testing.T, md *metadata.Metadata, text string) int {
	t.Helper()
	q, _ := parser.ParseQuery("", []byte(text))
	_, diags := validate.Check(q, md, validate.BadValue)
	return len(diags)
}
