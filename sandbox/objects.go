package sandbox

import (
	"net/http"
	"strings"
)

// objects answers data/objects/{type}/{id}: GET reads (?fields=a,b),
// POST to /{type} creates, POST or PUT to /{type}/{id} updates, DELETE
// removes.
func (s *Server) objects(r *http.Request, body []byte) (any, error) {
	endpoint, _ := endpointOf(r.URL.Path)
	rest := strings.TrimPrefix(endpoint, "data/objects/")
	typeName, id, _ := strings.Cut(rest, "/")
	ent, err := s.store.entity(typeName)
	if err != nil {
		return nil, err
	}
	fullID := "/" + ent.TypeName + "/" + id
	switch {
	case r.Method == http.MethodGet:
		s.store.mu.RLock()
		defer s.store.mu.RUnlock()
		return s.store.getObject(fullID, splitList(r.URL.Query().Get("fields")))
	case r.Method == http.MethodDelete:
		return s.store.deleteObject(fullID)
	case id == "" && r.Method == http.MethodPost:
		return s.store.createObject(ent, body)
	case r.Method == http.MethodPost || r.Method == http.MethodPut:
		return s.store.updateObject(fullID, body)
	}
	return nil, errorf(codeInvalidOperation, "method %s is not supported", r.Method)
}
