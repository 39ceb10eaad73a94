package sandbox

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/metadata"
)

// writeValue checks v, a value written to field f of an entity of ent,
// against the field's type and returns it as the store keeps it. Values
// that read as the type are converted (the text "5" for an Integer, "8h"
// for a Duration, "Draft" for a pick list, a JSON number for a String);
// others are refused with InvalidArgument, and references to entities that
// do not exist with EntityNotFound. Callers hold the lock.
func (s *store) writeValue(ent *metadata.Entity, f *metadata.Field, v any) (any, error) {
	if v == nil {
		if !f.Nullable {
			return nil, errorf(codeInvalidArgument, "Field %s of %s cannot be null", f.Name, ent.TypeName)
		}
		return nil, nil
	}
	out, ok := any(nil), false
	switch f.Type {
	case metadata.String:
		out, ok = stringValue(f, v)
	case metadata.Integer, metadata.Long:
		out, ok = integerValue(f.Type, v)
	case metadata.Double:
		out, ok = doubleValue(v)
	case metadata.Boolean:
		out, ok = boolValue(v)
	case metadata.Date, metadata.DateTime:
		_, ok = dateKey(v)
		out = v
	case metadata.Duration:
		out, ok = durationValue(v)
	case metadata.Money:
		out, ok = moneyValue(v)
	case metadata.EntityRef:
		return s.referenceValue(ent, f, v)
	case metadata.MultiPickList:
		out, ok = multiPickValue(v)
	case metadata.Binary:
		return nil, errorf(codeInvalidArgument, "Field %s of %s is Binary: the sandbox stores no files", f.Name, ent.TypeName)
	default:
		out, ok = v, true
	}
	if !ok {
		return nil, invalidValue(ent, f, v)
	}
	return out, nil
}

// invalidValue is the error of a value that is not of its field's type.
func invalidValue(ent *metadata.Entity, f *metadata.Field, v any) error {
	shown, _ := json.Marshal(v)
	return errorf(codeInvalidArgument, "Invalid value %s for field %s (%s) of %s", shown, f.Name, f.Type, ent.TypeName)
}

// stringValue accepts text and scalars (written as text), within
// the field's maxLength.
func stringValue(f *metadata.Field, v any) (any, bool) {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case json.Number, bool:
		s = text(x)
	default:
		return nil, false
	}
	if f.MaxLength > 0 && utf8.RuneCountInString(s) > f.MaxLength {
		return nil, false
	}
	return s, true
}

// integerValue accepts whole numbers, also as text, in the type's range
// (Long values keep all their 64 bits).
func integerValue(t metadata.FieldType, v any) (any, bool) {
	limit := float64(math.MaxInt64)
	if t == metadata.Integer {
		limit = math.MaxInt32
	}
	if s, ok := numberString(v); ok {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return json.Number(strconv.FormatInt(i, 10)), math.Abs(float64(i)) <= limit
		}
	}
	n, ok := numberText(v)
	if !ok || n != math.Trunc(n) || math.Abs(n) > limit {
		return nil, false
	}
	return json.Number(strconv.FormatInt(int64(n), 10)), true
}

// doubleValue accepts numbers, also as text.
func doubleValue(v any) (any, bool) {
	if n, ok := v.(json.Number); ok {
		return n, true
	}
	n, ok := numberText(v)
	if !ok {
		return nil, false
	}
	return json.Number(strconv.FormatFloat(n, 'f', -1, 64)), true
}

// numberText reads a JSON number or a string that is only a number.
func numberText(v any) (float64, bool) {
	s, ok := numberString(v)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil && !math.IsInf(n, 0) && !math.IsNaN(n)
}

// numberString returns the text of a JSON number or of a string, trimmed.
func numberString(v any) (string, bool) {
	switch x := v.(type) {
	case json.Number:
		return x.String(), true
	case string:
		return strings.TrimSpace(x), true
	}
	return "", false
}

// boolValue accepts booleans, 1 and 0, and their text in any case.
func boolValue(v any) (any, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case json.Number, string:
		switch strings.ToLower(strings.TrimSpace(text(x))) {
		case "true", "1":
			return true, true
		case "false", "0":
			return false, true
		}
	}
	return nil, false
}

// multiPickValue accepts the ;-separated text of the values, or an array
// of them.
func multiPickValue(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			s, ok := p.(string)
			if !ok {
				return nil, false
			}
			parts[i] = s
		}
		return strings.Join(parts, ";"), true
	}
	return nil, false
}

// referenceValue accepts an id, a bare pick-list value (text or number) or
// an {"id": …} object, of an entity that exists and is of a type the
// field refers to.
func (s *store) referenceValue(ent *metadata.Entity, f *metadata.Field, v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		v = x["id"]
	case json.Number: // a pick-list value such as Priority 3
		v = x.String()
	}
	id, ok := v.(string)
	if !ok || strings.TrimSpace(id) == "" {
		return nil, invalidValue(ent, f, v)
	}
	id = canonicalValue(f, strings.TrimSpace(id)).(string)
	if len(f.ReferencedEntities) == 0 {
		return id, nil // an opaque reference (EntityType): any id
	}
	rec := s.get(id)
	if rec == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found (field %s of %s)", id, f.Name, ent.TypeName)
	}
	for _, t := range f.ReferencedEntities {
		if rec.ent.IsA(t) {
			return rec.row.ID(), nil
		}
	}
	return nil, errorf(codeInvalidArgument, "Field %s of %s refers to %s, not to %s", f.Name, ent.TypeName,
		strings.Join(f.ReferencedEntities, " or "), rec.ent.TypeName)
}

// formatNumber writes n as a JSON number.
func formatNumber(n float64) json.Number {
	return json.Number(fmt.Sprint(n))
}
