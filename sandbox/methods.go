package sandbox

import (
	"net/http"
	"strings"
)

// The HTTP methods each endpoint answers.
var (
	getOrPost   = []string{http.MethodGet, http.MethodPost}
	postOnly    = []string{http.MethodPost}
	objectVerbs = []string{http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete}
)

// methodsOf returns the methods endpoint answers: the reference's
// methods (POST for getServerDefinition, login and bulk/execute; GET,
// PUT, POST and DELETE for data/objects), GET and POST for every other
// endpoint (queries, metadata, the other authentication calls). Any other
// method is refused before the request is authenticated or its body
// read.
func methodsOf(endpoint string) []string {
	switch {
	case endpoint == "authentication/getserverdefinition", endpoint == "authentication/login", endpoint == "bulk/execute":
		return postOnly
	case strings.HasPrefix(endpoint, "data/objects/"):
		return objectVerbs
	}
	return getOrPost
}

// checkMethod returns the error of a method that endpoint does not
// answer, nil when it does.
func checkMethod(endpoint, method string) *apiError {
	allowed := methodsOf(endpoint)
	for _, m := range allowed {
		if m == method {
			return nil
		}
	}
	return errorf(codeInvalidOperation, "%s does not support the HTTP method %.20q; use %s", endpoint, method, strings.Join(allowed, " or "))
}

// writeMethodError answers a refused method: HTTP 405 with the API's
// error body and an Allow header.
func writeMethodError(w http.ResponseWriter, endpoint string, err *apiError) {
	w.Header().Set("Allow", strings.Join(methodsOf(endpoint), ", "))
	writeErrorStatus(w, http.StatusMethodNotAllowed, err)
}
