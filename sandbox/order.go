package sandbox

import (
	"slices"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// sortKey is one compiled order: how to read the key and its direction.
type sortKey struct {
	kind kind
	desc bool
	get  func(i int) key
}

// compareRows orders rows i and j by keys: nulls first ascending, last
// descending.
func compareRows(keys []sortKey, i, j int) int {
	for _, k := range keys {
		a, b := k.get(i), k.get(j)
		c := 0
		switch {
		case a.null && b.null:
		case a.null:
			c = -1
		case b.null:
			c = 1
		default:
			c = cmpKeys(k.kind, a, b)
		}
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// sortRecords sorts recs by the orders of an entity query.
func (s *run) sortRecords(ent *metadata.Entity, recs []*record, orders []api.OrderBy) error {
	if len(orders) == 0 {
		return nil
	}
	if err := s.spend(sortSteps(len(recs), len(orders))); err != nil {
		return err
	}
	keys := make([]sortKey, len(orders))
	cols := make([][]key, len(orders))
	for n, o := range orders {
		p, err := s.resolvePath(ent, o.FieldName)
		if err != nil {
			return err
		}
		desc, err := descending(o.Order)
		if err != nil {
			return err
		}
		col := make([]key, len(recs))
		for i, r := range recs {
			col[i] = s.key(p, r)
		}
		cols[n] = col
		keys[n] = sortKey{kind: p.kind, desc: desc, get: func(i int) key { return cols[n][i] }}
	}
	idx := make([]int, len(recs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return compareRows(keys, i, j) })
	sorted := make([]*record, len(recs))
	for i, k := range idx {
		sorted[i] = recs[k]
	}
	copy(recs, sorted)
	return nil
}

func descending(o api.Order) (bool, error) {
	switch {
	case o == "" || equalFold(string(o), "Ascending") || equalFold(string(o), "Asc"):
		return false, nil
	case equalFold(string(o), "Descending") || equalFold(string(o), "Desc"):
		return true, nil
	}
	return false, errorf(codeInvalidQuery, "unknown order %q", o)
}
