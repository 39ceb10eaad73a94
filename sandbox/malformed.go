package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/czql/czql/api"
)

// malformed turns a request decoding error into an InvalidQuery error
// whose message speaks of the request's JSON, never of the server's Go
// types.
func malformed(err error) *apiError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "exceeded max depth"):
		return errorf(codeInvalidQuery, "malformed request: nested deeper than %d levels", api.MaxDepth)
	case errors.As(err, &syn):
		return errorf(codeInvalidQuery, "malformed request: invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		where := "the request"
		if typ.Field != "" {
			where = typ.Field
		}
		return errorf(codeInvalidQuery, "malformed request: %s is %s where %s is expected", where, article(typ.Value), jsonKind(typ.Type))
	}
	msg := strings.TrimPrefix(strings.TrimPrefix(err.Error(), "json: "), "api: ")
	if strings.Contains(msg, "Go ") || strings.Contains(msg, "struct") || strings.ContainsAny(msg, "*[]") {
		msg = "the request does not have the shape the endpoint expects"
	}
	return errorf(codeInvalidQuery, "malformed request: %s", msg)
}

// jsonKind names the JSON value that decodes into t.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "another value"
}

// article puts "a" or "an" before the name of a JSON value ("string",
// "number 1e999").
func article(v string) string {
	if v == "" {
		return "a value"
	}
	if strings.ContainsRune("aeiou", rune(v[0])) {
		return "an " + v
	}
	return fmt.Sprintf("a %s", v)
}

// jsonText renders a request value as the JSON it came as.
func jsonText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return "(a value)"
	}
	return string(data)
}
