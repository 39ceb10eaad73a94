package sandbox

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// aggregation is one compiled fieldAggregation.
type aggregation struct {
	fn    string // count, sum, avg, min, max
	path  *path
	alias string
}

// group is the rows sharing one combination of groupBy values.
type group struct {
	first *record
	recs  []*record
}

// aggregateQuery runs an aggregateQuery: one row per group (one row in
// all without groupBy), with "id": null, the group fields in reference
// shape and the aggregates as JSON numbers with a decimal point.
func (s *run) aggregateQuery(q *api.AggregateQuery) (*result, error) {
	ent, err := s.entity(q.TypeName)
	if err != nil {
		return nil, err
	}
	aggs, err := s.compileAggregations(ent, q.Aggregations)
	if err != nil {
		return nil, err
	}
	groupPaths := make([]*path, len(q.GroupBy))
	for i, g := range q.GroupBy {
		if groupPaths[i], err = s.resolvePath(ent, g); err != nil {
			return nil, err
		}
	}
	recs, err := s.filter(ent, q.Where)
	if err != nil {
		return nil, err
	}
	if err := s.spend(times(len(recs), 1+len(groupPaths)+len(aggs))); err != nil {
		return nil, err
	}
	rows := s.groupRows(groupPaths, aggs, s.groups(groupPaths, recs))
	if err := s.spend(sortSteps(len(rows), len(q.Orders))); err != nil {
		return nil, err
	}
	if err := sortObjects(rows, q.Orders); err != nil {
		return nil, err
	}
	lo, hi, page := pageOf(len(rows), q.Paging)
	return &result{Entities: rows[lo:hi], Paging: page}, nil
}

func (s *store) compileAggregations(ent *metadata.Entity, in []api.FieldAggregation) ([]aggregation, error) {
	if len(in) == 0 {
		return nil, errorf(codeMissingArgument, "aggregations are required")
	}
	out := make([]aggregation, len(in))
	for i, a := range in {
		fn := strings.ToLower(a.Function)
		if fn == "average" {
			fn = "avg"
		}
		switch fn {
		case "count", "sum", "avg", "min", "max":
		default:
			return nil, errorf(codeInvalidQuery, "unknown aggregate function %q", a.Function)
		}
		p, err := s.resolvePath(ent, a.FieldName)
		if err != nil {
			return nil, err
		}
		alias := a.Alias
		if alias == "" {
			alias = a.Function + "_" + a.FieldName
		}
		out[i] = aggregation{fn: fn, path: p, alias: alias}
	}
	return out, nil
}

// groups splits recs by their group values, in order of first appearance.
func (s *store) groups(paths []*path, recs []*record) []*group {
	if len(paths) == 0 {
		return []*group{{recs: recs}}
	}
	index := map[string]*group{}
	var out []*group
	for _, r := range recs {
		var b strings.Builder
		for _, p := range paths {
			k := s.key(p, r)
			b.WriteString(strconv.FormatBool(k.null) + "|" + k.s + "|" + strconv.FormatFloat(k.n, 'g', -1, 64) + "|" + k.t.String() + "\x00")
		}
		g := index[b.String()]
		if g == nil {
			g = &group{first: r}
			index[b.String()] = g
			out = append(out, g)
		}
		g.recs = append(g.recs, r)
	}
	return out
}

func (s *store) groupRows(paths []*path, aggs []aggregation, groups []*group) []obj {
	rows := make([]obj, 0, len(groups))
	for _, g := range groups {
		o := obj{{"id", nil}}
		for _, p := range paths {
			s.project(&o, p.segs, g.first.row)
		}
		for _, a := range aggs {
			o.set(a.alias, s.aggregate(a, g.recs))
		}
		rows = append(rows, o)
	}
	return rows
}

// aggregate computes one aggregate over recs, ignoring nulls.
func (s *store) aggregate(a aggregation, recs []*record) any {
	var vals []any
	for _, r := range recs {
		if v := s.value(a.path, r); v != nil {
			vals = append(vals, v)
		}
	}
	switch a.fn {
	case "count":
		return decimal(float64(len(vals)))
	case "min", "max":
		return extreme(a, vals)
	}
	if len(vals) == 0 {
		return nil
	}
	sum := 0.0
	for _, v := range vals {
		n, _ := number(v)
		sum += n
	}
	if a.fn == "avg" {
		sum /= float64(len(vals))
	}
	return decimal(sum)
}

func extreme(a aggregation, vals []any) any {
	var best any
	var bestKey key
	for _, v := range vals {
		k, ok := norm(a.path.kind, v)
		if !ok || k.null {
			continue
		}
		c := 0
		if best != nil {
			c = cmpKeys(a.path.kind, k, bestKey)
		}
		if best == nil || (a.fn == "min" && c < 0) || (a.fn == "max" && c > 0) {
			best, bestKey = v, k
		}
	}
	if best == nil {
		return nil
	}
	if a.path.kind == kindNumber || a.path.kind == kindMeasure {
		return decimal(bestKey.n)
	}
	return best
}

// decimal renders a number with a decimal point (73 → 73.0), as the API
// does for aggregates.
func decimal(f float64) json.RawMessage {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return json.RawMessage("null")
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return json.RawMessage(s)
}

// sortObjects orders aggregate rows by group fields or aliases.
func sortObjects(rows []obj, orders []api.OrderBy) error {
	if len(orders) == 0 {
		return nil
	}
	keys := make([]sortKey, len(orders))
	for n, o := range orders {
		desc, err := descending(o.Order)
		if err != nil {
			return err
		}
		name := o.FieldName
		if _, ok := lookupFold(rows, name); !ok && len(rows) > 0 {
			return errorf(codeInvalidField, "Invalid order field %s", name)
		}
		keys[n] = sortKey{kind: kindString, desc: desc, get: func(i int) key { return objKey(rows[i], name) }}
		if len(rows) > 0 {
			if v, _ := lookupFold(rows, name); isNumberValue(v) {
				keys[n].kind = kindNumber
			}
		}
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sortStable(idx, func(i, j int) int { return compareRows(keys, i, j) })
	sorted := make([]obj, len(rows))
	for i, k := range idx {
		sorted[i] = rows[k]
	}
	copy(rows, sorted)
	return nil
}
