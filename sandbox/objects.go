package sandbox

import (
	"net/http"
	"strings"

	"github.com/czql/czql/metadata"
)

// objects answers data/objects/{type}/{id} as the API guide documents it:
// PUT creates (to /{type}, or to /{type}/{id} with that id), GET reads
// (?fields=a,b), POST updates and DELETE removes. The type may be written
// in any case, and the id bare (9836f5ee-…) or in full (/Task/9836f5ee-…).
func (s *Server) objects(r *http.Request, body []byte) (any, error) {
	ent, id, err := s.objectPath(r.URL.Path)
	if err != nil {
		return nil, err
	}
	if r.Method == http.MethodPut {
		return s.store.createObject(ent, id, body, s.callerID(r), s.opts.Now())
	}
	if id == "" {
		if r.Method == http.MethodPost {
			return nil, errorf(codeInvalidOperation, "POST updates an object and needs its id; PUT to data/objects/%s creates one", ent.TypeName)
		}
		return nil, errorf(codeMissingArgument, "the id of the %s is missing from the URL", ent.TypeName)
	}
	fullID := "/" + ent.TypeName + "/" + id
	switch r.Method {
	case http.MethodGet:
		s.store.mu.RLock()
		defer s.store.mu.RUnlock()
		return s.store.getObject(fullID, splitList(queryParam(r, "fields")))
	case http.MethodDelete:
		return s.store.deleteObject(fullID)
	case http.MethodPost:
		return s.store.updateObject(fullID, body, s.callerID(r), s.opts.Now())
	}
	return nil, errorf(codeInvalidOperation, "method %s is not supported", r.Method)
}

// objectPath reads the entity type and the local id ("" when absent) of
// an objects URL.
func (s *Server) objectPath(urlPath string) (*metadata.Entity, string, error) {
	endpoint, _ := endpointOf(urlPath)
	rest := strings.TrimLeft(strings.TrimPrefix(endpoint, "data/objects/"), "/")
	typeName, id, _ := strings.Cut(rest, "/")
	ent, err := s.store.entity(typeName)
	if err != nil {
		return nil, "", err
	}
	id = strings.TrimLeft(id, "/")
	if t, local, ok := strings.Cut(id, "/"); ok && strings.EqualFold(t, ent.TypeName) {
		id = local // a full id: /Task/…
	}
	return ent, id, nil
}
