package sandbox

import (
	"encoding/json"
	"strconv"
	"strings"
)

// durationUnits maps the unit words of Duration text ("8h", "2 days",
// "3cd") to the API's units; the c forms are consecutive time.
var durationUnits = map[string]string{
	"min": "Minutes", "mins": "Minutes", "minute": "Minutes", "minutes": "Minutes",
	"h": "Hours", "hr": "Hours", "hrs": "Hours", "hour": "Hours", "hours": "Hours",
	"d": "Days", "day": "Days", "days": "Days",
	"w": "Weeks", "wk": "Weeks", "week": "Weeks", "weeks": "Weeks",
	"m": "Months", "mo": "Months", "month": "Months", "months": "Months",
	"cd": "Days", "ch": "Hours",
}

// durationValue accepts {"unit", "value"[, "durationType"]} or text such as
// "8h" (a number and a unit), and returns the object.
func durationValue(v any) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		n, ok := numberText(x["value"])
		unit, uok := canonicalUnit(text(x["unit"]))
		if !ok || !uok {
			return nil, false
		}
		out := map[string]any{"unit": unit, "value": formatNumber(n)}
		if dt, ok := x["durationType"].(string); ok {
			out["durationType"] = dt
		}
		return out, true
	case string:
		return durationText(x)
	}
	return nil, false
}

// canonicalUnit returns the API's spelling of a unit name in any case.
func canonicalUnit(u string) (string, bool) {
	for _, unit := range []string{"Minutes", "Hours", "Days", "Weeks", "Months"} {
		if strings.EqualFold(u, unit) {
			return unit, true
		}
	}
	return "", false
}

// durationText reads "8h", "2.5 days", "3cd".
func durationText(s string) (any, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune("+-.0123456789", r) })
	if i <= 0 {
		return nil, false
	}
	n, err := strconv.ParseFloat(s[:i], 64)
	word := strings.TrimSpace(s[i:])
	unit, ok := durationUnits[word]
	if err != nil || !ok {
		return nil, false
	}
	kind := "Default"
	if word == "cd" || word == "ch" {
		kind = "Consecutive"
	}
	return map[string]any{"unit": unit, "value": formatNumber(n), "durationType": kind}, true
}

// defaultCurrency is the currency of Money values written without one.
const defaultCurrency = "USD"

// moneyValue accepts {"currency", "value"}, a number, or text such as
// "10", "10 USD" or "USD 10", and returns the object.
func moneyValue(v any) (any, bool) {
	switch x := v.(type) {
	case map[string]any:
		n, ok := numberText(x["value"])
		cur, cok := x["currency"].(string)
		if x["currency"] == nil {
			cur, cok = defaultCurrency, true
		}
		if !ok || !cok {
			return nil, false
		}
		return moneyOf(cur, n), true
	case json.Number:
		n, ok := numberText(x)
		return moneyOf(defaultCurrency, n), ok
	case string:
		return moneyText(x)
	}
	return nil, false
}

// moneyText reads "10", "10 USD" and "USD 10".
func moneyText(s string) (any, bool) {
	parts := strings.Fields(s)
	switch len(parts) {
	case 1:
		n, ok := numberText(parts[0])
		return moneyOf(defaultCurrency, n), ok
	case 2:
		if n, ok := numberText(parts[0]); ok {
			return moneyOf(strings.ToUpper(parts[1]), n), true
		}
		if n, ok := numberText(parts[1]); ok {
			return moneyOf(strings.ToUpper(parts[0]), n), true
		}
	}
	return nil, false
}

func moneyOf(currency string, n float64) map[string]any {
	return map[string]any{"currency": currency, "value": formatNumber(n)}
}
