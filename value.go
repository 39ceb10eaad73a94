package czql

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// Value is a CZQL value that no Go type stands for: a bind parameter
// ([Param]) or a date without a time ([Date]). The zero Value is not a
// value: a query that uses it is refused.
type Value struct {
	kind  valueKind
	name  string // of a parameter
	year  int    // of a date
	month time.Month
	day   int
}

// valueKind tells what a [Value] holds.
type valueKind int

const (
	noValue valueKind = iota
	paramValue
	dateValue
)

// Param returns the bind parameter `:name` as a value, to be given its
// value when the query is translated ([WithParams]) or sent. The name is
// a CZQL name (a letter or '_', then letters, digits and '_'); a leading
// ':' is allowed and dropped. Any other name is refused when the query is
// built.
func Param(name string) Value {
	return Value{kind: paramValue, name: strings.TrimPrefix(name, ":")}
}

// Date returns the date literal y-m-d, such as 2024-06-01, written
// without quotes and sent as the JSON string "2024-06-01". A [time.Time]
// is a date-time instead. The year must be within 1 and 9999 and the
// date must exist (no 31 April); any other date is refused when the query
// is built.
func Date(y int, m time.Month, d int) Value {
	return Value{kind: dateValue, year: y, month: m, day: d}
}

// literal returns the CZQL literal of v.
func (v Value) literal() (ast.Literal, error) {
	switch v.kind {
	case paramValue:
		if !lexer.IsName(v.name) {
			return nil, fmt.Errorf("parameter name %q is not a CZQL name", v.name)
		}
		return &ast.ParamRef{Name: v.name}, nil
	case dateValue:
		t := time.Date(v.year, v.month, v.day, 0, 0, 0, 0, time.UTC)
		if v.year < 1 || v.year > 9999 || t.Month() != v.month || t.Day() != v.day {
			return nil, fmt.Errorf("%04d-%02d-%02d is not a date", v.year, int(v.month), v.day)
		}
		return &ast.DateLit{Raw: t.Format(time.DateOnly)}, nil
	}
	return nil, fmt.Errorf("the zero czql.Value is not a value; use czql.Param or czql.Date")
}

// durationType is time.Duration, which has no CZQL literal: its number of
// nanoseconds would be read as a number of the field's unit.
var durationType = reflect.TypeFor[time.Duration]()

// goLiteral converts a Go value into a CZQL literal: nil (NULL), a
// [Value], a time.Time (a date-time), or a value whose kind is string,
// bool, an integer or a float (so also named types such as a generated
// pick-list type). Strings must be valid UTF-8. Any other value is an
// error: nothing is ever written with fmt.
func goLiteral(v any) (ast.Literal, error) {
	switch v := v.(type) {
	case nil:
		return &ast.NullLit{}, nil
	case Value:
		return v.literal()
	case time.Time:
		return timeLiteral(v)
	}
	rv := reflect.ValueOf(v)
	if rv.Type() == durationType {
		return nil, fmt.Errorf("a time.Duration has no CZQL literal; write a duration as a string such as \"8h\"")
	}
	switch rv.Kind() {
	case reflect.String:
		if !utf8.ValidString(rv.String()) {
			return nil, fmt.Errorf("string %q is not valid UTF-8", rv.String())
		}
		return &ast.StringLit{Value: rv.String()}, nil
	case reflect.Bool:
		return &ast.BoolLit{Value: rv.Bool()}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &ast.NumberLit{Raw: strconv.FormatInt(rv.Int(), 10)}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return &ast.NumberLit{Raw: strconv.FormatUint(rv.Uint(), 10)}, nil
	case reflect.Float32:
		return floatLiteral(rv.Float(), 32)
	case reflect.Float64:
		return floatLiteral(rv.Float(), 64)
	}
	return nil, fmt.Errorf("a %T has no CZQL literal; use a string, a number, a bool, a time.Time, nil or a czql.Value", v)
}

// timeLiteral writes t as a date-time literal, with milliseconds when it
// has a fraction of a second. Years outside 0..9999 have no literal.
func timeLiteral(t time.Time) (ast.Literal, error) {
	if t.Year() < 0 || t.Year() > 9999 {
		return nil, fmt.Errorf("time %s is outside the years 0 to 9999", t.Format(time.RFC3339))
	}
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC() // an offset with seconds has no literal
	}
	layout := time.RFC3339
	if t.Nanosecond() != 0 {
		layout = "2006-01-02T15:04:05.000Z07:00"
	}
	return &ast.DateLit{Raw: t.Format(layout)}, nil
}

// floatLiteral writes a float as a CZQL number; NaN and infinities have
// none.
func floatLiteral(v float64, bits int) (ast.Literal, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, fmt.Errorf("%v is not a number CZQL can write", v)
	}
	return &ast.NumberLit{Raw: strconv.FormatFloat(v, 'f', -1, bits)}, nil
}
