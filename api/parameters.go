package api

import (
	"bytes"
	"errors"
)

// Parameters holds the values of the bind parameters of a CZQL text
// (`:name` in the text, "name" here), as JSON scalars: string,
// json.Number, bool or nil.
type Parameters map[string]any

// errParameters is the error of parameters that are neither an object nor
// an empty array.
var errParameters = errors.New("api: parameters must be an object of values by name")

// UnmarshalJSON reads an object of values by name, keeping numbers as
// json.Number. null and an empty array (which a public .NET client sends
// with every data/query) stand for no parameters.
func (p *Parameters) UnmarshalJSON(data []byte) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var list []any
		if err := decodeNumbers(data, &list); err != nil {
			return err
		}
		if len(list) > 0 {
			return errParameters
		}
		*p = nil
		return nil
	}
	var m map[string]any
	if err := decodeNumbers(data, &m); err != nil {
		return err
	}
	*p = m
	return nil
}
