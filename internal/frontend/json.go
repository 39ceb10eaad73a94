package frontend

import (
	"bytes"
	"encoding/json"
)

// MarshalJSON encodes v indented by two spaces with a final newline,
// without HTML escaping so that `<>` and `&` stay readable: the JSON the
// front ends print.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
