package metadata

import "encoding/json"

// FieldType is the data type of a field, the "type" key of a
// FieldDescription (czql-reference §6.5). Values other than the constants
// below are kept as they are: the model does not reject future types.
type FieldType string

// The field types of the API. Presentation types (Text, PickList, Url, …)
// are not types: see Field.PresentationType.
const (
	Boolean       FieldType = "Boolean"
	String        FieldType = "String"
	Integer       FieldType = "Integer"
	Long          FieldType = "Long"
	Double        FieldType = "Double"
	DateTime      FieldType = "DateTime"
	Date          FieldType = "Date"
	EntityRef     FieldType = "Entity"
	Duration      FieldType = "Duration"
	Money         FieldType = "Money"
	MultiPickList FieldType = "MultiPickList"
	Binary        FieldType = "Binary"
)

// IsNumeric reports whether t is Integer, Long or Double.
func (t FieldType) IsNumeric() bool {
	return t == Integer || t == Long || t == Double
}

// IsTemporal reports whether t is Date or DateTime.
func (t FieldType) IsTemporal() bool {
	return t == Date || t == DateTime
}

// Field is one FieldDescription of an entity (czql-reference §6.3).
type Field struct {
	// Name is the API name, in its canonical spelling.
	Name string
	// Label is the display label.
	Label string
	// PresentationType is the UI type: Text, PickList, ReferenceToObject, …
	PresentationType string
	// Type is the data type.
	Type FieldType
	// ReferencedEntities lists the target entities of an Entity field; it
	// may be empty (an opaque reference such as EntityType). Empty lists
	// are kept as nil.
	ReferencedEntities []string
	// DefaultValue is the compacted JSON default value, nil when absent
	// or null.
	DefaultValue json.RawMessage

	System, Calculated, Nullable, CreateOnly, Updateable bool
	Internal, Custom, Visible, Filterable, Sortable      bool

	// DecimalPlaces is 0 for non-numeric fields.
	DecimalPlaces int
	// MaxLength is set for String fields; -1 means unlimited, 0 unknown.
	MaxLength int
	// Flags and RestrictedFieldSetName are rare keys kept as given.
	Flags                  []string
	RestrictedFieldSetName string

	// Owner is the entity that declares the field; set by New.
	Owner *Entity
}

// IsPickList reports whether f holds a pick-list value: an Entity field
// presented as PickList, or one whose referenced entity has pickups.
func (f *Field) IsPickList() bool {
	if f == nil || f.Type != EntityRef {
		return false
	}
	if f.PresentationType == "PickList" {
		return true
	}
	if f.Owner == nil || f.Owner.md == nil {
		return false
	}
	for _, ref := range f.ReferencedEntities {
		if e := f.Owner.md.Entity(ref); e != nil && len(e.Pickups) > 0 {
			return true
		}
	}
	return false
}

// Relation is one RelationDescription of an entity (czql-reference §6.4).
type Relation struct {
	Name, Label, RoleLabel string
	// LinkTypeName is the link entity, e.g. RegularResourceLink.
	LinkTypeName string
	// RelatedTypeName is the entity on the other side.
	RelatedTypeName string
	// SourceFieldName is the link's field pointing back to the owner.
	SourceFieldName string
	ReadOnly        bool
}

// Pickup is one value of a pick-list entity.
type Pickup struct {
	Value, DisplayValue, Description string
}
