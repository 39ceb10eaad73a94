package lsp

import (
	"fmt"
	"strings"

	"github.com/czql/czql/metadata"
)

// doc is a piece of documentation: a title and paragraphs, written as
// markdown or as plain text.
type doc struct {
	title string
	paras []string
}

// add appends a paragraph; an empty one is left out.
func (d *doc) add(format string, args ...any) {
	if p := fmt.Sprintf(format, args...); p != "" {
		d.paras = append(d.paras, p)
	}
}

// text renders d: markdown with a bold title and code names, or plain
// text without the marks.
func (d doc) text(md bool) string {
	parts := append([]string{"**" + d.title + "**"}, d.paras...)
	out := strings.Join(parts, "\n\n")
	if !md {
		out = strings.NewReplacer("**", "", "`", "").Replace(out)
	}
	return out
}

// markup returns d as markup content.
func markup(d doc, md bool) *MarkupContent {
	kind := plainText
	if md {
		kind = markdown
	}
	return &MarkupContent{Kind: kind, Value: d.text(md)}
}

// fieldType is the type of a field as the detail of an item shows it:
// "DateTime", "reference → User|ContactPerson", "pick list → State".
func fieldType(f *metadata.Field) string {
	if f.Type != metadata.EntityRef {
		return string(f.Type)
	}
	kind := "reference"
	if f.PresentationType == "PickList" {
		kind = "pick list"
	}
	if len(f.ReferencedEntities) == 0 {
		return kind
	}
	return kind + " → " + strings.Join(f.ReferencedEntities, "|")
}

// fieldFlags lists what matters of a field when writing a query.
func fieldFlags(f *metadata.Field) string {
	var flags []string
	add := func(on bool, yes, no string) {
		if on && yes != "" {
			flags = append(flags, yes)
		} else if !on && no != "" {
			flags = append(flags, no)
		}
	}
	add(f.Filterable, "filterable", "not filterable")
	add(f.Sortable, "sortable", "not sortable")
	add(f.Nullable, "", "required")
	add(f.Calculated, "calculated", "")
	add(f.Custom, "custom", "")
	add(f.System, "system", "")
	return strings.Join(flags, ", ")
}

// fieldDoc documents a field: its label and name, type, flags and the
// entities it references; with md, the values it takes as the validator
// checks them (metadata.Values; from is the entity it is read from, nil
// through a reference).
func fieldDoc(f *metadata.Field, md *metadata.Metadata, from *metadata.Entity) doc {
	d := doc{title: titleOf(f.Label, f.Name)}
	of := ""
	if f.Owner != nil {
		of = " of `" + f.Owner.TypeName + "`"
	}
	d.add("field `%s`%s: %s", f.Name, of, fieldType(f))
	d.add("%s", fieldFlags(f))
	if md != nil {
		vals, _ := md.Values(from, f)
		d.add("%s", valueList(vals))
	}
	return d
}

// titleOf returns a label, or the name when there is none.
func titleOf(label, name string) string {
	if label != "" {
		return label
	}
	return name
}

// valueList lists values, at most maxPickValues of them; "" for none.
func valueList(vals []string) string {
	if len(vals) == 0 {
		return ""
	}
	more := ""
	if len(vals) > maxPickValues {
		more = fmt.Sprintf(" … and %d more", len(vals)-maxPickValues)
		vals = vals[:maxPickValues]
	}
	quoted := make([]string, len(vals))
	for i, v := range vals {
		quoted[i] = "`" + v + "`"
	}
	return "values: " + strings.Join(quoted, ", ") + more
}

// relationDoc documents a relation.
func relationDoc(r *metadata.Relation) doc {
	d := doc{title: titleOf(r.Label, r.Name)}
	d.add("relation `%s` → `%s`", r.Name, r.RelatedTypeName)
	if r.LinkTypeName != "" {
		d.add("through the link entity `%s`", r.LinkTypeName)
	}
	if r.ReadOnly {
		d.add("read-only")
	}
	return d
}

// entityDoc documents an entity: label, parent, sizes and, for a pick
// list, its values.
func entityDoc(e *metadata.Entity) doc {
	d := doc{title: titleOf(e.Label, e.TypeName)}
	parent := ""
	if e.ParentEntity != "" {
		parent = ", a kind of `" + e.ParentEntity + "`"
	}
	d.add("entity `%s`%s: %d fields, %d relations", e.TypeName, parent, len(e.AllFields()), len(e.AllRelations()))
	d.add("%s", valueList(e.PickupValues()))
	return d
}
