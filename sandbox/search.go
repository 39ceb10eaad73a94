package sandbox

import (
	"net/http"
	"sort"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/metadata"
)

// searchRequest is the body (or the query string) of data/search.
type searchRequest struct {
	Q        string      `json:"q"`
	TypeName string      `json:"typeName"`
	Fields   stringList  `json:"fields"`
	Paging   *api.Paging `json:"paging"`
}

// search answers data/search: a full-text search over the String fields.
// A row matches when each word of q (case-insensitive; * and % are
// ignored) appears in one of its String fields. With typeName the rows are
// of that type, with the fields asked for; without it every entity that is
// neither a pick list nor a link entity is searched, and each row has its
// id and its display field.
func (s *Server) search(r *http.Request, body []byte) (any, error) {
	var req searchRequest
	if err := decodeOptional(body, &req); err != nil {
		return nil, err
	}
	if strings.TrimSpace(req.Q) == "" {
		return nil, errorf(codeMissingArgument, "q is required")
	}
	if req.TypeName == "" && len(req.Fields) > 0 {
		return nil, errorf(codeInvalidArgument, "fields are valid only with a typeName")
	}
	words := searchWords(req.Q)
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	if req.TypeName != "" {
		ent, err := s.store.entity(req.TypeName)
		if err != nil {
			return nil, err
		}
		recs := searchRecords(s.store.rowsOf(ent), words)
		return s.store.runFor(r).rowsResult(ent, recs, req.Fields, nil, nil, req.Paging)
	}
	return s.store.searchAll(words, req.Paging), nil
}

// searchWords splits q into lower-case words without wildcards.
func searchWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if w = strings.Trim(w, `*%"'`); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// searchRecords returns the records of recs that match every word.
func searchRecords(recs []*record, words []string) []*record {
	var out []*record
	for _, r := range recs {
		if matchesWords(r, words) {
			out = append(out, r)
		}
	}
	return out
}

// matchesWords reports whether each word appears in a String field of r.
func matchesWords(r *record, words []string) bool {
	for _, w := range words {
		found := false
		for _, f := range r.ent.AllFields() {
			if f.Type != metadata.String {
				continue
			}
			if v, ok := r.row[f.Name].(string); ok && strings.Contains(strings.ToLower(v), w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// searchAll searches the searchable entities, in type-name order, and
// pages the matches.
func (s *store) searchAll(words []string, paging *api.Paging) *result {
	var rows []obj
	for _, ent := range s.searchable() {
		for _, r := range searchRecords(s.own[ent], words) {
			o := obj{{"id", r.row.ID()}}
			if f := ent.Field(ent.DisplayField); f != nil {
				o = append(o, kv{f.Name, r.row[f.Name]})
			}
			rows = append(rows, o)
		}
	}
	lo, hi, page := pageOf(len(rows), paging)
	return &result{Entities: append(make([]obj, 0, hi-lo), rows[lo:hi]...), Paging: page}
}

// searchable returns the entity types with rows that are neither pick
// lists nor the link entity of a relation, sorted by name.
func (s *store) searchable() []*metadata.Entity {
	links := map[string]bool{}
	for _, ent := range s.md.Entities() {
		for _, rel := range ent.Relations {
			// A relation whose link is its owner or its related type
			// (DirectReports, through User.DirectManager) has no link entity.
			if !strings.EqualFold(rel.LinkTypeName, rel.RelatedTypeName) && !strings.EqualFold(rel.LinkTypeName, ent.TypeName) {
				links[strings.ToLower(rel.LinkTypeName)] = true
			}
		}
	}
	var out []*metadata.Entity
	for ent, recs := range s.own {
		if len(recs) > 0 && len(ent.Pickups) == 0 && !links[strings.ToLower(ent.TypeName)] {
			out = append(out, ent)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].TypeName < out[j].TypeName })
	return out
}
