package render

import (
	"encoding/json"
	"fmt"
	"strings"
)

// cellText renders the value of column c in a row for a table or CSV:
// NULL as empty, a reference as its id, Duration and Money as "8 Hours"
// and "10 USD", a relation as a count ("3 Resources"), lists joined by
// ", ".
func cellText(c column, v any) string {
	if c.relation {
		return relationSummary(c.name, v)
	}
	return valueText(v)
}

// valueText renders one JSON value for a cell.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = valueText(e)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return objectText(x)
	}
	return fmt.Sprint(v)
}

// objectText renders a nested object: a Duration, a Money amount, a
// relation result, or a reference (shown as its id).
func objectText(o map[string]any) string {
	if val, ok := o["value"]; ok {
		if unit, ok := o["unit"]; ok {
			return valueText(val) + " " + valueText(unit)
		}
		if cur, ok := o["currency"]; ok {
			return valueText(val) + " " + valueText(cur)
		}
	}
	if ents, ok := o["entities"].([]any); ok {
		return fmt.Sprintf("%d rows", len(ents))
	}
	if id, ok := o["id"]; ok {
		return valueText(id)
	}
	b, _ := json.Marshal(o)
	return string(b)
}

// relationSummary renders a relation sub-select as "N Name" (a missing
// key means no related items).
func relationSummary(name string, v any) string {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		if ents, ok := x["entities"].([]any); ok {
			n = len(ents)
		}
	case []any:
		n = len(x)
	}
	return fmt.Sprintf("%d %s", n, name)
}
