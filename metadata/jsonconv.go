package metadata

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// entities converts a decoded document into entities, checking the
// required keys.
func (d *documentJSON) entities() ([]*Entity, error) {
	out := make([]*Entity, 0, len(d.EntityDescriptions)+len(d.TypeNames)+len(d.EntityRelations))
	for i := range d.EntityDescriptions {
		e, err := d.EntityDescriptions[i].entity(fmt.Sprintf("entityDescriptions[%d]", i))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	for i, name := range d.TypeNames {
		if name == "" {
			return nil, &DecodeError{Path: fmt.Sprintf("typeNames[%d]", i), Msg: "empty type name"}
		}
		out = append(out, &Entity{TypeName: name})
	}
	for i, er := range d.EntityRelations {
		path := fmt.Sprintf("entityRelations[%d]", i)
		if er.TypeName == "" {
			return nil, &DecodeError{Path: path, Msg: "missing typeName"}
		}
		rels, err := relations(er.Relations, path)
		if err != nil {
			return nil, err
		}
		out = append(out, &Entity{TypeName: er.TypeName, Relations: rels})
	}
	return out, nil
}

// entity converts one EntityDescription; path locates it for errors.
func (j *entityJSON) entity(path string) (*Entity, error) {
	if j.TypeName == "" {
		return nil, &DecodeError{Path: path, Msg: "missing typeName"}
	}
	e := &Entity{
		TypeName: j.TypeName, Label: j.Label, LabelPlural: j.LabelPlural,
		DisplayField: j.DisplayField, Disabled: j.Disabled,
		ValidStates: nilIfEmpty(j.ValidStates),
	}
	if j.ParentEntity != nil {
		e.ParentEntity = *j.ParentEntity
	}
	path += " (" + j.TypeName + ")"
	if len(j.Fields) > 0 {
		e.Fields = make([]*Field, len(j.Fields))
		for i := range j.Fields {
			f, err := j.Fields[i].field(fmt.Sprintf("%s.fields[%d]", path, i))
			if err != nil {
				return nil, err
			}
			e.Fields[i] = f
		}
	}
	rels, err := relations(j.Relations, path)
	if err != nil {
		return nil, err
	}
	e.Relations = rels
	if len(j.Pickups) > 0 {
		e.Pickups = make([]*Pickup, len(j.Pickups))
		for i, p := range j.Pickups {
			e.Pickups[i] = &Pickup{Value: p.Value, DisplayValue: p.DisplayValue, Description: p.Description}
		}
	}
	return e, nil
}

// field converts one FieldDescription.
func (j *fieldJSON) field(path string) (*Field, error) {
	if j.Name == "" {
		return nil, &DecodeError{Path: path, Msg: "missing name"}
	}
	if j.Type == "" {
		return nil, &DecodeError{Path: path + " (" + j.Name + ")", Msg: "missing type"}
	}
	return &Field{
		Name: j.Name, Label: j.Label, PresentationType: j.PresentationType,
		Type:               FieldType(j.Type),
		ReferencedEntities: nilIfEmpty(j.ReferencedEntities),
		DefaultValue:       compactValue(j.DefaultValue),
		System:             j.System, Calculated: j.Calculated, Nullable: j.Nullable,
		CreateOnly: j.CreateOnly, Updateable: j.Updateable, Internal: j.Internal,
		Custom: j.Custom, Visible: j.Visible, Filterable: j.Filterable, Sortable: j.Sortable,
		DecimalPlaces: j.DecimalPlaces, MaxLength: j.MaxLength,
		Flags:                  nilIfEmpty(j.Flags),
		RestrictedFieldSetName: j.RestrictedFieldSetName,
	}, nil
}

// relations converts RelationDescriptions; path locates their entity.
func relations(list []relationJSON, path string) ([]*Relation, error) {
	if len(list) == 0 {
		return nil, nil
	}
	out := make([]*Relation, len(list))
	for i, r := range list {
		if r.Name == "" {
			return nil, &DecodeError{Path: fmt.Sprintf("%s.relations[%d]", path, i), Msg: "missing name"}
		}
		out[i] = &Relation{
			Name: r.Name, Label: r.Label, RoleLabel: r.RoleLabel, ReadOnly: r.ReadOnly,
			LinkTypeName: r.LinkTypeName, RelatedTypeName: r.RelatedTypeName,
			SourceFieldName: r.SourceFieldName,
		}
	}
	return out, nil
}

// compactValue compacts a JSON value; absent and null give nil.
func compactValue(raw json.RawMessage) json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var buf bytes.Buffer
	if json.Compact(&buf, raw) != nil {
		return append(json.RawMessage(nil), raw...)
	}
	return buf.Bytes()
}

// nilIfEmpty returns nil for an empty slice.
func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
