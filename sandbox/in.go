package sandbox

import (
	"github.com/czql/czql/api"
)

// compileIn compiles F IN (list) and F IN (SELECT …). A reference field
// matches the ids of the nested query's rows; another field matches the
// values of the nested query's first field. The list may also come as
// {"value": [...]}, as two public clients send it.
func (s *run) compileIn(p *path, lhs operand, right *api.Expression) (pred, error) {
	var keys []key
	switch values, isList := listValues(right); {
	case isList:
		if len(values) > MaxInValues {
			return nil, errorf(codeInvalidQuery, "an In list may hold at most %d values", MaxInValues)
		}
		for _, v := range values {
			if k, ok := norm(p.kind, v); ok && !k.null {
				keys = append(keys, k)
			}
		}
	case right.Kind == api.QueryExpr:
		var err error
		if keys, err = s.nestedKeys(p, right.Query); err != nil {
			return nil, err
		}
	default:
		return nil, errorf(codeInvalidQuery, "In needs a list of values or a query")
	}
	if p.kind == kindRef && allFull(keys) {
		return inSet(lhs, keys), nil
	}
	s.nodes += len(keys)
	return func(r *record) tri {
		a := lhs(r)
		if a.null {
			return triUnknown
		}
		for _, b := range keys {
			if cmpKeys(p.kind, a, b) == 0 {
				return triTrue
			}
		}
		return triFalse
	}, nil
}

// listValues returns the values of an In list: {"values": [...]}, or
// {"value": [...]}.
func listValues(e *api.Expression) ([]any, bool) {
	switch e.Kind {
	case api.ConstantListExpr:
		return e.Values, true
	case api.ConstantExpr:
		v, ok := e.Value.([]any)
		return v, ok
	}
	return nil, false
}

func allFull(keys []key) bool {
	for _, k := range keys {
		if k.bare {
			return false
		}
	}
	return true
}

// inSet matches ids through a set, for large nested queries.
func inSet(lhs operand, keys []key) pred {
	set := make(map[string]bool, len(keys))
	for _, k := range keys {
		set[k.s] = true
	}
	return func(r *record) tri {
		a := lhs(r)
		if a.null {
			return triUnknown
		}
		return triOf(set[a.s])
	}
}

// nestedKeys runs a nested entityQuery and returns the values it selects.
func (s *run) nestedKeys(p *path, q *api.EntityQuery) ([]key, error) {
	if q == nil || q.TypeName == "" {
		return nil, errorf(codeInvalidQuery, "a nested query needs a typeName")
	}
	ent, err := s.entity(q.TypeName)
	if err != nil {
		return nil, err
	}
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	recs, err := s.filter(ent, q.Where)
	if err != nil {
		return nil, err
	}
	if err := s.spend(len(recs)); err != nil {
		return nil, err
	}
	sel := &path{segs: []segment{{req: "id", name: "id"}}, kind: kindRef}
	if p.kind != kindRef && len(q.Fields) > 0 {
		if sel, err = s.resolvePath(ent, q.Fields[0]); err != nil {
			return nil, err
		}
	}
	keys := make([]key, 0, len(recs))
	for _, r := range recs {
		if k, ok := norm(p.kind, s.value(sel, r)); ok && !k.null {
			keys = append(keys, k)
		}
	}
	return keys, nil
}
