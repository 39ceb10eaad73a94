package sandbox

import (
	"net/http"
	"strings"
)

// download answers files/download?documentId=/Document/…: the sandbox
// stores no files, so a document that exists answers FileNotFound, the
// API's error for a file that is not available, and one that does not
// answers EntityNotFound.
func (s *Server) download(_ *http.Request, body []byte) (any, error) {
	var req struct {
		DocumentID string `json:"documentId"`
	}
	if err := decodeOptional(body, &req); err != nil {
		return nil, err
	}
	id := strings.TrimSpace(req.DocumentID)
	if id == "" {
		return nil, errorf(codeMissingArgument, "documentId is required")
	}
	if !strings.HasPrefix(id, "/") {
		id = "/" + id
	}
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	if s.store.get(id) == nil {
		return nil, errorf(codeEntityNotFound, "Entity %s was not found", id)
	}
	return nil, errorf(codeFileNotFound, "The file of %s is not available: the sandbox stores no files", id)
}
