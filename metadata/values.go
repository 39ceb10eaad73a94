package metadata

// Values returns the values a string compared for equality (=, <>, IN)
// with field f may take: the one decision that czql's validator (rule
// bad-value), its completion and its hover share. For a field called
// State read from an entity that lists ValidStates they are those states,
// and states is that entity; otherwise, for a pick-list field, they are
// the values of the pick lists f references, in order and without
// repeats, and states is nil. vals is nil when f takes any value.
//
// from is the entity f is read from when f is named on the query's own
// entity (WHERE State = …); pass nil for a field reached through a
// reference (WHERE Manager.State = …): f's declaring entity then counts.
func (m *Metadata) Values(from *Entity, f *Field) (vals []string, states *Entity) {
	if f == nil {
		return nil, nil
	}
	if equalFold(f.Name, "State") {
		if from == nil {
			from = f.Owner
		}
		from.ensure()
		if from != nil && len(from.ValidStates) > 0 {
			return from.ValidStates, from
		}
	}
	if !f.IsPickList() {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, ref := range f.ReferencedEntities {
		for _, v := range m.Entity(ref).PickupValues() {
			if !seen[v] {
				seen[v] = true
				vals = append(vals, v)
			}
		}
	}
	return vals, nil
}
