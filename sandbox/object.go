package sandbox

import (
	"bytes"
	"encoding/json"
	"strings"
)

// obj is a JSON object that keeps its keys in insertion order.
type obj []kv

// kv is one member of an obj.
type kv struct {
	k string
	v any
}

// get returns the value of key k (case-insensitive), if present.
func (o obj) get(k string) (any, bool) {
	for _, m := range o {
		if strings.EqualFold(m.k, k) {
			return m.v, true
		}
	}
	return nil, false
}

// set replaces the value of k (case-insensitive; the first spelling
// stays) or appends it.
func (o *obj) set(k string, v any) {
	for i := range *o {
		if strings.EqualFold((*o)[i].k, k) {
			(*o)[i].v = v
			return
		}
	}
	*o = append(*o, kv{k, v})
}

// MarshalJSON writes the members in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(m.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(m.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
