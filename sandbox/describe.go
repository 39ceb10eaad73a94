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

// describeRequest is the body of the metadata endpoints (or their
// query-string parameters): typeNames=Task,User&flags=fields,relations.
type describeRequest struct {
	TypeNames stringList `json:"typeNames"`
	Flags     stringList `json:"flags"`
}

// read decodes a describe request; an empty body asks for everything.
func (req *describeRequest) read(body []byte) error {
	return decodeOptional(body, req)
}

// describeMetadata answers metadata/describeMetadata?typeNames=…&flags=…:
// without flags only the basic information; flags fields and relations
// add those lists. Parameter names and flags are read in any case.
func (s *Server) describeMetadata(_ *http.Request, body []byte) (any, error) {
	var req describeRequest
	if err := req.read(body); err != nil {
		return nil, err
	}
	return s.describeTypes(req.TypeNames, req.Flags)
}

// describeEntities answers metadata/describeEntities?typeNames=…: the
// descriptions with their fields (and no relations).
func (s *Server) describeEntities(_ *http.Request, body []byte) (any, error) {
	var req describeRequest
	if err := req.read(body); err != nil {
		return nil, err
	}
	return s.describeTypes(req.TypeNames, []string{"fields"})
}

// describeTypes returns {"entityDescriptions": […]} for names (all entities
// when empty) with the lists flags ask for.
func (s *Server) describeTypes(names, flags []string) (any, error) {
	raws, err := s.descriptionsOf(names)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(raws))
	for _, raw := range raws {
		out = append(out, filterDescription(raw, flags))
	}
	return map[string]any{"entityDescriptions": out}, nil
}

// descriptionsOf returns the descriptions of names, all when empty; an
// unknown name is an InvalidType error.
func (s *Server) descriptionsOf(names []string) ([]json.RawMessage, error) {
	if len(names) == 0 {
		names = s.store.md.EntityNames()
	}
	out := make([]json.RawMessage, 0, len(names))
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
		out = append(out, raw)
	}
	return out, nil
}

// describeEntityRelations answers metadata/describeEntityRelations
// {"typeNames": […]}: {"entityRelations": [{"typeName", "relations"}]}.
func (s *Server) describeEntityRelations(_ *http.Request, body []byte) (any, error) {
	var req describeRequest
	if err := req.read(body); err != nil {
		return nil, err
	}
	raws, err := s.descriptionsOf(req.TypeNames)
	if err != nil {
		return nil, err
	}
	out := make([]any, 0, len(raws))
	for _, raw := range raws {
		var d struct {
			TypeName  string            `json:"typeName"`
			Relations []json.RawMessage `json:"relations"`
		}
		if err := json.Unmarshal(raw, &d); err != nil {
			return nil, errorf(codeInternal, "%v", err)
		}
		if d.Relations == nil {
			d.Relations = []json.RawMessage{}
		}
		out = append(out, obj{{"typeName", d.TypeName}, {"relations", d.Relations}})
	}
	return obj{{"entityRelations", out}}, nil
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

// stringList is a list of names in a request: a JSON array of strings, or
// one string of comma-separated names (as query strings carry them).
type stringList []string

// UnmarshalJSON reads an array of strings, a comma-separated string or
// null.
func (l *stringList) UnmarshalJSON(data []byte) error {
	var text string
	if json.Unmarshal(data, &text) == nil {
		*l = splitList(text)
		return nil
	}
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	*l = list
	return nil
}
