package sandbox

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/czql/czql/api"
)

// query answers data/query: CZQL in q (POST body or GET ?q=), with
// parameters and the paging of a continuation.
func (s *Server) query(r *http.Request, body []byte) (any, error) {
	var req api.Query
	if q := r.URL.Query().Get("q"); q != "" && len(strings.TrimSpace(string(body))) == 0 {
		req.Q = q
	} else if err := decodeNumbers(body, &req); err != nil {
		return nil, err
	}
	parsed, err := translateCZQL(req.Q, req.Parameters)
	if err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	switch q := parsed.(type) {
	case *api.EntityQuery:
		q.Paging = mergePaging(q.Paging, req.Paging)
		return s.store.runFor(r).entityQuery(q)
	case *api.AggregateQuery:
		q.Paging = mergePaging(q.Paging, req.Paging)
		return s.store.runFor(r).aggregateQuery(q)
	}
	return nil, errorf(codeInvalidQuery, "unsupported query")
}

func (s *Server) entityQueryHandler(r *http.Request, body []byte) (any, error) {
	var q api.EntityQuery
	if err := decode(body, &q); err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	res, err := s.store.runFor(r).entityQuery(&q)
	var flags struct{ Deleted bool }
	if err == nil && json.Unmarshal(body, &flags) == nil && flags.Deleted {
		// deleted: true asks for the recycle bin, which the sandbox has
		// not: nothing was deleted to be found.
		res.Entities = []obj{}
		if res.Paging != nil {
			no := false
			res.Paging.HasMore = &no
		}
	}
	return res, err
}

func (s *Server) aggregateHandler(r *http.Request, body []byte) (any, error) {
	var q api.AggregateQuery
	if err := decode(body, &q); err != nil {
		return nil, err
	}
	if q.TypeName == "" {
		return nil, errorf(codeMissingArgument, "typeName is required")
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	return s.store.runFor(r).aggregateQuery(&q)
}

func (s *Server) relationHandler(r *http.Request, body []byte) (any, error) {
	var q api.RelationQuery
	if err := decode(body, &q); err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	return s.store.runFor(r).relationQuery(&q)
}

func (s *Server) countHandler(r *http.Request, body []byte) (any, error) {
	var q api.CountQuery
	if err := decode(body, &q); err != nil {
		return nil, err
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	n, err := s.store.runFor(r).count(q.Query)
	if err != nil {
		return nil, err
	}
	return api.CountResponse{Count: int64(n)}, nil
}

// decodeNumbers decodes a data/query body keeping parameter numbers as
// json.Number.
func decodeNumbers(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return errorf(codeInvalidQuery, "the request body is empty")
	}
	dec := newNumberDecoder(body)
	if err := dec.Decode(v); err != nil {
		return malformed(err)
	}
	return nil
}
