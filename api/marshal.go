package api

import (
	"bytes"
	"encoding/json"
)

// marshal encodes v like json.Marshal but leaves '<', '>' and '&' as they
// are: conditions such as `StartDate>:p` must read as written. Callers that
// want HTML-safe output can still get it from their own encoder.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
