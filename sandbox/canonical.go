package sandbox

import "strings"

// withDurationType gives a Duration value the durationType the API
// answers with ("Default") when it has none.
func withDurationType(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	for k := range m {
		if strings.EqualFold(k, "durationType") {
			return v
		}
	}
	out := make(map[string]any, len(m)+1)
	for k, x := range m {
		out[k] = x
	}
	out["durationType"] = "Default"
	return out
}
