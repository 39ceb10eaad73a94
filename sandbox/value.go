package sandbox

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/czql/czql/metadata"
)

// kind is how the values of a field compare.
type kind int

const (
	kindString  kind = iota // String, MultiPickList, unknown types
	kindNumber              // Integer, Long, Double
	kindBool                // Boolean
	kindDate                // Date, DateTime
	kindRef                 // Entity fields and id
	kindMeasure             // Duration, Money: by "value"
)

// kindOf returns the comparison kind of a field; nil is the id.
func kindOf(f *metadata.Field) kind {
	if f == nil {
		return kindRef
	}
	switch {
	case f.Type == metadata.EntityRef:
		return kindRef
	case f.Type.IsNumeric():
		return kindNumber
	case f.Type == metadata.Boolean:
		return kindBool
	case f.Type.IsTemporal():
		return kindDate
	case f.Type == metadata.Duration || f.Type == metadata.Money:
		return kindMeasure
	}
	return kindString
}

// key is a value normalised for comparison. s is lower-cased text (the
// id for references), n a number (also booleans as 0/1), t a time.
type key struct {
	null     bool
	s        string
	n        float64
	t        time.Time
	dateOnly bool // a date literal: compare the other side's date part
	bare     bool // a reference constant without "/": compare last segment
}

var nullKey = key{null: true}

// norm normalises a value of kind k; ok is false when the value has no
// meaning as k (a constant of the wrong type).
func norm(k kind, v any) (key, bool) {
	if v == nil {
		return nullKey, true
	}
	switch k {
	case kindNumber, kindMeasure:
		n, ok := number(v)
		return key{n: n}, ok
	case kindBool:
		return boolKey(v)
	case kindDate:
		return dateKey(v)
	case kindRef:
		s := strings.ToLower(text(v))
		return key{s: s, bare: !strings.HasPrefix(s, "/")}, true
	}
	return key{s: strings.ToLower(text(v))}, true
}

// text renders a scalar as text.
func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case map[string]any:
		return text(x["value"])
	}
	return fmt.Sprint(v)
}

// number reads numbers, numeric strings, measures ({"value": …}) and
// strings such as "8h" or "10 USD" by their leading number.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	case int:
		return float64(x), true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case map[string]any:
		return number(x["value"])
	case string:
		return leadingNumber(x)
	}
	return 0, false
}

func leadingNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && strings.ContainsRune("+-.0123456789eE", rune(s[end])) {
		end++
	}
	f, err := strconv.ParseFloat(s[:end], 64)
	return f, err == nil
}

func boolKey(v any) (key, bool) {
	switch x := v.(type) {
	case bool:
		if x {
			return key{n: 1}, true
		}
		return key{n: 0}, true
	case string:
		switch strings.ToLower(x) {
		case "true", "1":
			return key{n: 1}, true
		case "false", "0":
			return key{n: 0}, true
		}
		return key{}, false
	}
	n, ok := number(v)
	return key{n: n}, ok
}

// The date layouts accepted in data and constants.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05",
	"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
}

func dateKey(v any) (key, bool) {
	s, ok := v.(string)
	if !ok {
		return key{}, false
	}
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return key{t: t, dateOnly: layout == "2006-01-02"}, true
		}
	}
	return key{}, false
}

// cmpKeys orders a (a row value) and b (a row value or constant) of kind
// k, neither null. A date-only b compares with a's date part.
func cmpKeys(k kind, a, b key) int {
	switch k {
	case kindNumber, kindMeasure, kindBool:
		return cmpOrdered(a.n, b.n)
	case kindDate:
		at := a.t
		if b.dateOnly && !a.dateOnly {
			y, m, d := at.Date()
			at = time.Date(y, m, d, 0, 0, 0, 0, at.Location())
		}
		return at.Compare(b.t)
	case kindRef:
		if b.bare {
			return strings.Compare(lastSegment(a.s), b.s)
		}
	}
	return strings.Compare(a.s, b.s)
}

func cmpOrdered[T int | float64 | string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// lastSegment returns what follows the last "/" of an id.
func lastSegment(id string) string {
	return id[strings.LastIndexByte(id, '/')+1:]
}

// textOf is the text that the string operators see: the bare value of a
// reference, the lower-cased text of anything else.
func textOf(k kind, a key) string {
	if k == kindRef {
		return lastSegment(a.s)
	}
	return a.s
}
