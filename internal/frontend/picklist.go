package frontend

import "github.com/czql/czql/metadata"

// PickLists returns the predicate of [render.Options.PickList] for md:
// whether an entity of md has pick-list values (State, Country, …), so
// that a table shows "/State/Active" as "Active". It returns nil for nil
// metadata: references then show as their ids.
func PickLists(md *metadata.Metadata) func(typeName string) bool {
	if md == nil {
		return nil
	}
	return func(typeName string) bool {
		e := md.Entity(typeName)
		return e != nil && len(e.Pickups) > 0
	}
}
