package sandbox

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

func newNumberDecoder(body []byte) *json.Decoder {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	return dec
}

// descriptions returns the EntityDescription JSON of every entity, by
// lower-case type name, encoded once.
func (s *Server) descriptions() map[string]json.RawMessage {
	s.once.Do(func() {
		var buf bytes.Buffer
		s.describe = map[string]json.RawMessage{}
		if err := s.store.md.Encode(&buf); err != nil {
			return
		}
		var doc struct {
			Entities []json.RawMessage `json:"entityDescriptions"`
		}
		if json.Unmarshal(buf.Bytes(), &doc) != nil {
			return
		}
		for _, raw := range doc.Entities {
			var head struct {
				TypeName string `json:"typeName"`
			}
			if json.Unmarshal(raw, &head) == nil {
				s.describe[strings.ToLower(head.TypeName)] = raw
			}
		}
	})
	return s.describe
}

// describeMetadata answers metadata/describeMetadata?typeNames=…&flags=…:
// without flags only the basic information; flags fields and relations
// add those lists.
func (s *Server) describeMetadata(r *http.Request, body []byte) (any, error) {
	q := r.URL.Query()
	names, flags := splitList(q.Get("typeNames")), splitList(q.Get("flags"))
	if len(bytes.TrimSpace(body)) > 0 {
		var req struct {
			TypeNames []string `json:"typeNames"`
			Flags     []string `json:"flags"`
		}
		if err := decode(body, &req); err != nil {
			return nil, err
		}
		names, flags = append(names, req.TypeNames...), append(flags, req.Flags...)
	}
	if len(names) == 0 {
		names = s.store.md.EntityNames()
	}
	out := make([]any, 0, len(names))
	seen := map[string]bool{} // each entity once: a long list of one name is not a long answer
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		raw, ok := s.descriptions()[strings.ToLower(n)]
		if !ok {
			return nil, errorf(codeInvalidType, "Entity type %s does not exist", n)
		}
		out = append(out, filterDescription(raw, flags))
	}
	return map[string]any{"entityDescriptions": out}, nil
}

// filterDescription drops fields and relations that the flags do not ask
// for.
func filterDescription(raw json.RawMessage, flags []string) any {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	want := map[string]bool{}
	for _, f := range flags {
		want[strings.ToLower(f)] = true
	}
	if !want["fields"] {
		delete(m, "fields")
	}
	if !want["relations"] {
		delete(m, "relations")
	}
	return m
}

func (s *Server) listEntities(*http.Request, []byte) (any, error) {
	return map[string]any{"typeNames": s.store.md.EntityNames()}, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
