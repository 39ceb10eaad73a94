package frontend

import (
	"bytes"
	"encoding/json"

	"github.com/czql/czql/translate"
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

// RequestsJSON returns reqs as `czql translate` prints them: each as a
// bulk-execute item ({"url", "method", "body"}), or its body alone with
// bodyOnly; one request as an object, several (or none) as an array.
func RequestsJSON(reqs []*translate.Request, bodyOnly bool) ([]byte, error) {
	items := make([]any, 0, len(reqs))
	for _, req := range reqs {
		if bodyOnly {
			items = append(items, req.Body)
		} else {
			items = append(items, req.BulkItem())
		}
	}
	var v any = items
	if len(items) == 1 {
		v = items[0]
	}
	return MarshalJSON(v)
}
