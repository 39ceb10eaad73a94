package metadata

import (
	"fmt"
	"math/rand/v2"
)

// synthTypes are the (type, presentationType) pairs Synthetic draws from.
var synthTypes = [...]struct {
	t  FieldType
	pt string
}{
	{String, "Text"}, {String, "TextArea"}, {Integer, "Numeric"}, {Long, "Numeric"},
	{Double, "Percent"}, {Boolean, "Checkbox"}, {DateTime, "Date"}, {Date, "Date"},
	{EntityRef, "ReferenceToObject"}, {EntityRef, "PickList"}, {Duration, "Duration"},
	{Money, "Currency"}, {MultiPickList, "MultiPickList"},
}

// synthWords make field names look like API names.
var synthWords = [...]string{
	"Actual", "Budget", "Cost", "Start", "Due", "Date", "Owner", "Status", "Phase",
	"Risk", "Priority", "Region", "Customer", "Revenue", "Effort", "Planned", "Work",
}

// Synthetic builds a deterministic metadata set of the given number of
// entity types, each declaring fieldsPerEntity fields (plus Name) with a
// mix of types, for benchmarks and tests. One entity in ten is a root
// (C_Base…); half the others inherit from a root, so lookups exercise
// inheritance. Entity fields reference other entities; every tenth
// entity is a pick list with pickups; each entity has three relations.
func Synthetic(entities, fieldsPerEntity int, seed uint64) *Metadata {
	if entities <= 0 {
		return New()
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	names := make([]string, entities)
	for i := range names {
		names[i] = fmt.Sprintf("C_Type%05d", i)
		if i%10 == 0 {
			names[i] = fmt.Sprintf("C_Base%05d", i)
		}
	}
	ents := make([]*Entity, entities)
	for i := range ents {
		ents[i] = synthEntity(rng, names, i, fieldsPerEntity)
	}
	return New(ents...)
}

// synthEntity builds entity i of a synthetic set.
func synthEntity(rng *rand.Rand, names []string, i, nFields int) *Entity {
	e := &Entity{
		TypeName: names[i], Label: names[i][2:], LabelPlural: names[i][2:] + "s",
		DisplayField: "Name", ValidStates: []string{"Active", "Closed"},
	}
	if i%10 != 0 && rng.IntN(2) == 0 {
		e.ParentEntity = names[rng.IntN(len(names)/10+1)*10%len(names)]
	}
	e.Fields = append(e.Fields, &Field{
		Name: "Name", Label: "Name", Type: String, PresentationType: "Text",
		MaxLength: 256, Visible: true, Filterable: true, Sortable: true, Updateable: true,
	})
	for j := range nFields {
		e.Fields = append(e.Fields, synthField(rng, names, i, j))
	}
	for k := range 3 {
		e.Relations = append(e.Relations, &Relation{
			Name: fmt.Sprintf("Rel%d", k), Label: fmt.Sprintf("Relation %d", k),
			RoleLabel: "Item", LinkTypeName: fmt.Sprintf("C_Link%d", k),
			RelatedTypeName: names[rng.IntN(len(names))], SourceFieldName: "Entity",
		})
	}
	if i%10 == 5 {
		for _, v := range []string{"Low", "Medium", "High"} {
			e.Pickups = append(e.Pickups, &Pickup{Value: v, DisplayValue: v})
		}
	}
	return e
}

// synthField builds field j of entity i.
func synthField(rng *rand.Rand, names []string, i, j int) *Field {
	ty := synthTypes[rng.IntN(len(synthTypes))]
	w1, w2 := synthWords[rng.IntN(len(synthWords))], synthWords[rng.IntN(len(synthWords))]
	f := &Field{
		Name:  fmt.Sprintf("C_%s%s%d_%d", w1, w2, j, i%7),
		Label: fmt.Sprintf("%s %s %d", w1, w2, j), Type: ty.t, PresentationType: ty.pt,
		Custom: true, Nullable: true, Visible: true, Updateable: rng.IntN(4) != 0,
		Filterable: rng.IntN(8) != 0, Sortable: rng.IntN(8) != 0, Calculated: rng.IntN(10) == 0,
	}
	switch {
	case ty.t == String:
		f.MaxLength = 256
		if ty.pt == "TextArea" {
			f.MaxLength = -1
		}
	case ty.t == Double || ty.t == Money:
		f.DecimalPlaces = 2
	case ty.t == EntityRef && ty.pt == "PickList":
		f.ReferencedEntities = []string{names[(rng.IntN(len(names)/10+1)*10+5)%len(names)]}
	case ty.t == EntityRef:
		f.ReferencedEntities = []string{names[rng.IntN(len(names))]}
	case ty.t == Duration:
		f.DefaultValue = []byte(`{"unit":"Hours","value":0}`)
	}
	return f
}
