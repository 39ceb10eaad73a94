package render

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Tables and vertical display show values as they read in the data,
// not as the API encodes them (CSV and JSON keep the encoding):
//
//   - an integral number without a fraction: 1691, not 1691.0;
//   - other numbers rounded to about six significant digits, keeping
//     at least two decimals and every digit of the integer part:
//     49.4837, 1234567.89;
//   - a reference by its Name when the query fetched it (Manager and
//     Manager.Name), by its id otherwise (/User/u030);
//   - a pick-list reference (/State/Active) by its value (Active), when
//     [Options.PickList] says its entity is a pick list.

// displaySignificant is the number of significant digits a number is
// rounded to in a table, and minDecimals the decimals it keeps at least.
const (
	displaySignificant = 6
	minDecimals        = 2
)

// maxExactIntegral is the largest magnitude an integral number is
// written in full for; beyond it the API's text is kept.
const maxExactIntegral = 1e15

// maxDecimals is the most decimals a number is written with; a smaller
// number is written with an exponent (1.5e-25).
const maxDecimals = 20

// readableCell renders the value of column c in a row for a table or
// vertical display (see above); relation columns count their items.
func readableCell(c column, v any, pickList func(string) bool) string {
	if c.relation {
		return relationSummary(c.name, v)
	}
	return readableText(v, pickList)
}

// readableText renders one JSON value for a table cell.
func readableText(v any, pickList func(string) bool) string {
	switch x := v.(type) {
	case json.Number:
		return ReadableNumber(x.String())
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = readableText(e, pickList)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return readableObject(x, pickList)
	}
	return valueText(v)
}

// readableObject renders a nested object: a Duration or Money amount
// with its number made readable, a reference by its Name or its id (a
// pick-list value by the value alone), else as valueText does.
func readableObject(o map[string]any, pickList func(string) bool) string {
	if val, ok := o["value"]; ok {
		for _, key := range []string{"unit", "currency"} {
			if unit, ok := o[key]; ok {
				return readableText(val, pickList) + " " + valueText(unit)
			}
		}
	}
	id, isRef := o["id"].(string)
	if !isRef {
		return objectText(o)
	}
	if name, ok := lookupFold(o, "Name").(string); ok {
		return name
	}
	return readableID(id, pickList)
}

// readableID is a reference's id, or the value of a pick-list entity
// ("/State/Active" → "Active") when pickList says the entity of the id
// is one.
func readableID(id string, pickList func(string) bool) string {
	typeName, value, ok := strings.Cut(strings.TrimPrefix(id, "/"), "/")
	if !ok || pickList == nil || !strings.HasPrefix(id, "/") || value == "" || !pickList(typeName) {
		return id
	}
	return value
}

// ReadableNumber rewrites the JSON number text for a table: an integral
// value without a fraction or exponent ("1691.0" → "1691", "1e3" →
// "1000"), any other rounded to six significant digits with at least two
// decimals and no trailing zeros ("49.48373743347132" → "49.4837",
// "0.5" → "0.5", "0.000123456789" → "0.000123457"). Text that is not a number, and integral values of
// 10^15 or more, are returned as they are.
func ReadableNumber(text string) string {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return text
	}
	if f == math.Trunc(f) {
		if math.Abs(f) >= maxExactIntegral {
			return text
		}
		return strconv.FormatFloat(f+0, 'f', 0, 64) // +0 turns -0 into 0
	}
	intDigits := int(math.Floor(math.Log10(math.Abs(f)))) + 1 // 0 or less below 1
	decimals := max(minDecimals, displaySignificant-intDigits)
	if decimals > maxDecimals {
		return strconv.FormatFloat(f, 'g', displaySignificant, 64)
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
