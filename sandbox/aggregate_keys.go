package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
)

func sortStable(idx []int, cmp func(i, j int) int) { slices.SortStableFunc(idx, cmp) }

// lookupFold finds the value of name (case-insensitive) in the first row
// that has it.
func lookupFold(rows []obj, name string) (any, bool) {
	for _, r := range rows {
		if v, ok := getFold(r, name); ok {
			return v, true
		}
	}
	return nil, false
}

func getFold(o obj, name string) (any, bool) {
	for _, m := range o {
		if strings.EqualFold(m.k, name) {
			return m.v, true
		}
	}
	return nil, false
}

func isNumberValue(v any) bool {
	raw, ok := v.(json.RawMessage)
	if _, isNum := v.(json.Number); isNum {
		return true
	}
	return ok && string(raw) != "null"
}

// objKey reads an aggregate row's value for ordering: a number for
// aggregates, the id (or value) for group fields.
func objKey(o obj, name string) key {
	v, _ := getFold(o, name)
	switch x := v.(type) {
	case nil:
		return nullKey
	case json.RawMessage:
		if string(x) == "null" {
			return nullKey
		}
		k, _ := norm(kindNumber, json.Number(x))
		return k
	case obj:
		id, _ := x.get("id")
		return key{s: strings.ToLower(text(id))}
	}
	if n, ok := v.(json.Number); ok {
		k, _ := norm(kindNumber, n)
		return k
	}
	return key{s: strings.ToLower(text(v))}
}
