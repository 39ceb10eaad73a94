package metadata

import "encoding/json"

// The JSON shapes of the metadata endpoints (czql-reference §6.1–6.4). Key
// order follows the captured API output; encoding/json matches keys
// case-insensitively when decoding and ignores unknown ones.

// documentJSON is any of the metadata responses: describeMetadata and
// describeEntities (entityDescriptions), listEntities (typeNames) and
// describeEntityRelations (entityRelations).
type documentJSON struct {
	EntityDescriptions []entityJSON    `json:"entityDescriptions"`
	TypeNames          []string        `json:"typeNames,omitempty"`
	EntityRelations    []entityRelJSON `json:"entityRelations,omitempty"`
}

// entityJSON is an EntityDescription.
type entityJSON struct {
	TypeName     string         `json:"typeName"`
	Label        string         `json:"label,omitempty"`
	LabelPlural  string         `json:"labelPlural,omitempty"`
	ParentEntity *string        `json:"parentEntity"`
	DisplayField string         `json:"displayField,omitempty"`
	Disabled     bool           `json:"disabled,omitempty"`
	ValidStates  []string       `json:"validStates"`
	Fields       []fieldJSON    `json:"fields,omitempty"`
	Relations    []relationJSON `json:"relations,omitempty"`
	Pickups      []pickupJSON   `json:"pickups,omitempty"`
}

// fieldJSON is a FieldDescription.
type fieldJSON struct {
	ReferencedEntities     []string        `json:"referencedEntities,omitempty"`
	Name                   string          `json:"name"`
	Type                   string          `json:"type"`
	PresentationType       string          `json:"presentationType"`
	Label                  string          `json:"label"`
	DefaultValue           json.RawMessage `json:"defaultValue,omitempty"`
	System                 bool            `json:"system"`
	Calculated             bool            `json:"calculated"`
	Nullable               bool            `json:"nullable"`
	CreateOnly             bool            `json:"createOnly"`
	Updateable             bool            `json:"updateable"`
	Internal               bool            `json:"internal"`
	Custom                 bool            `json:"custom"`
	Visible                bool            `json:"visible"`
	DecimalPlaces          int             `json:"decimalPlaces"`
	Filterable             bool            `json:"filterable"`
	Sortable               bool            `json:"sortable"`
	MaxLength              int             `json:"maxLength,omitempty"`
	Flags                  []string        `json:"flags,omitempty"`
	RestrictedFieldSetName string          `json:"restrictedFieldSetName,omitempty"`
	Kind                   string          `json:"_type,omitempty"`
}

// relationJSON is a RelationDescription.
type relationJSON struct {
	Name            string `json:"name"`
	Label           string `json:"label"`
	RoleLabel       string `json:"roleLabel"`
	ReadOnly        bool   `json:"readOnly"`
	LinkTypeName    string `json:"linkTypeName"`
	RelatedTypeName string `json:"relatedTypeName"`
	SourceFieldName string `json:"sourceFieldName"`
}

// pickupJSON is a PickupDescription.
type pickupJSON struct {
	Value        string `json:"value"`
	DisplayValue string `json:"displayValue"`
	Description  string `json:"description,omitempty"`
}

// entityRelJSON is an item of describeEntityRelations.
type entityRelJSON struct {
	TypeName  string         `json:"typeName"`
	Relations []relationJSON `json:"relations"`
}
