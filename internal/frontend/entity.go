package frontend

import (
	"fmt"
	"strings"

	"github.com/czql/czql/internal/render"
	"github.com/czql/czql/metadata"
)

// EntityFields lists the fields of ent, inherited ones included, as
// `czql metadata show --entity` and the shell's \describe show them: a
// "TypeName (N fields)" line, then a FIELD, TYPE, LABEL and FLAGS line and
// one line a field, with its name, type (and the entities it references),
// label and flags, aligned in columns two spaces apart.
func EntityFields(ent *metadata.Entity) string {
	rows := [][]string{{"FIELD", "TYPE", "LABEL", "FLAGS"}}
	for _, fd := range ent.AllFields() {
		typ := string(fd.Type)
		if len(fd.ReferencedEntities) > 0 {
			typ += " → " + strings.Join(fd.ReferencedEntities, "|")
		}
		rows = append(rows, []string{fd.Name, typ, fd.Label, fieldFlagText(fd)})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%d fields)\n", ent.TypeName, len(rows)-1)
	b.WriteString(render.Align(rows))
	return b.String()
}

// fieldFlagText lists a field's properties that matter when writing
// queries.
func fieldFlagText(fd *metadata.Field) string {
	var flags []string
	for _, fl := range []struct {
		on   bool
		name string
	}{
		{fd.Custom, "custom"}, {fd.Calculated, "calculated"}, {fd.System, "system"},
		{!fd.Filterable, "not-filterable"}, {!fd.Sortable, "not-sortable"}, {fd.Nullable, "nullable"},
	} {
		if fl.on {
			flags = append(flags, fl.name)
		}
	}
	return strings.Join(flags, ",")
}
