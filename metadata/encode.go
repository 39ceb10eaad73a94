package metadata

import (
	"encoding/json"
	"io"
)

// Encode writes m as describeMetadata JSON ({"entityDescriptions":[…]}),
// indented, with the keys in the API's order; Decode reads it back into an
// equal model. FetchedAt and Host are not written.
func (m *Metadata) Encode(w io.Writer) error {
	doc := struct {
		EntityDescriptions []entityJSON `json:"entityDescriptions"`
	}{EntityDescriptions: make([]entityJSON, 0, len(m.Entities()))}
	for _, e := range m.Entities() {
		doc.EntityDescriptions = append(doc.EntityDescriptions, toEntityJSON(e))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// toEntityJSON converts an entity to its JSON shape.
func toEntityJSON(e *Entity) entityJSON {
	j := entityJSON{
		TypeName: e.TypeName, Label: e.Label, LabelPlural: e.LabelPlural,
		DisplayField: e.DisplayField, Disabled: e.Disabled,
		ValidStates: nonNil(e.ValidStates),
	}
	if e.ParentEntity != "" {
		p := e.ParentEntity
		j.ParentEntity = &p
	}
	for _, f := range e.Fields {
		j.Fields = append(j.Fields, toFieldJSON(f))
	}
	for _, r := range e.Relations {
		j.Relations = append(j.Relations, relationJSON{
			Name: r.Name, Label: r.Label, RoleLabel: r.RoleLabel, ReadOnly: r.ReadOnly,
			LinkTypeName: r.LinkTypeName, RelatedTypeName: r.RelatedTypeName,
			SourceFieldName: r.SourceFieldName,
		})
	}
	for _, p := range e.Pickups {
		j.Pickups = append(j.Pickups, pickupJSON{Value: p.Value, DisplayValue: p.DisplayValue, Description: p.Description})
	}
	return j
}

// toFieldJSON converts a field to its JSON shape; Entity fields carry
// referencedEntities (possibly []) and the EntityFieldDescription _type.
func toFieldJSON(f *Field) fieldJSON {
	j := fieldJSON{
		ReferencedEntities: f.ReferencedEntities,
		Name:               f.Name, Type: string(f.Type), PresentationType: f.PresentationType,
		Label: f.Label, DefaultValue: f.DefaultValue,
		System: f.System, Calculated: f.Calculated, Nullable: f.Nullable,
		CreateOnly: f.CreateOnly, Updateable: f.Updateable, Internal: f.Internal,
		Custom: f.Custom, Visible: f.Visible, DecimalPlaces: f.DecimalPlaces,
		Filterable: f.Filterable, Sortable: f.Sortable, MaxLength: f.MaxLength,
		Flags: f.Flags, RestrictedFieldSetName: f.RestrictedFieldSetName,
		Kind: "FieldDescription",
	}
	if f.Type == EntityRef {
		j.Kind = "EntityFieldDescription"
	}
	return j
}

// nonNil returns s, or an empty slice for nil (to write [] rather than null).
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
