package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

// servicesPrefix is the path under which the API is served.
const servicesPrefix = "/v2.0/services/"

// maxBody caps request bodies.
const maxBody = 8 << 20

// Server is the sandbox API; it implements http.Handler for
// /v2.0/services/… and is safe for concurrent use.
type Server struct {
	opts     Options
	store    *store
	sessions *sessions
	limiter  *limiter
	faults   *faulter
	once     sync.Once
	describe map[string]json.RawMessage
}

// New builds a server from opts (see [Options] for the defaults).
func New(opts Options) (*Server, error) {
	if err := opts.withDefaults(); err != nil {
		return nil, err
	}
	st, err := newStore(opts.Metadata, opts.Data)
	if err != nil {
		return nil, err
	}
	return &Server{
		opts:     opts,
		store:    st,
		sessions: newSessions(opts.SessionTTL, opts.Now),
		limiter:  newLimiter(opts.RateLimit, opts.Now),
		faults:   newFaulter(opts.Faults),
	}, nil
}

// handler answers one endpoint; it returns the body to send with 200 or
// an error.
type handler func(s *Server, r *http.Request, body []byte) (any, error)

// ServeHTTP answers the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	endpoint, ok := endpointOf(r.URL.Path)
	if !ok {
		writeError(w, errorf(codeInvalidArgument, "unknown path %s", r.URL.Path))
		return
	}
	body, err := readBody(r)
	if err == nil {
		body, err = decodeBody(r.Header, body)
	}
	if err != nil {
		writeError(w, err)
		return
	}
	switch endpoint {
	case "authentication/getserverdefinition":
		writeJSON(w, http.StatusOK, s.serverDefinition(r))
		return
	case "authentication/login":
		s.respond(w, func() (any, error) { return s.login(body) })
		return
	}
	if s.faults.inject(w, r, body, s) {
		return
	}
	if !s.limiter.allow() {
		writeRateLimited(w)
		return
	}
	s.serveAuthed(w, r, endpoint, body)
}

// serveAuthed checks the session and runs the endpoint.
func (s *Server) serveAuthed(w http.ResponseWriter, r *http.Request, endpoint string, body []byte) {
	if _, err := s.sessions.check(r.Header.Get("Authorization"), s.opts.APIKeys); err != nil {
		writeError(w, err)
		return
	}
	h := route(endpoint)
	if h == nil {
		writeError(w, errorf(codeInvalidArgument, "unknown endpoint %s", endpoint))
		return
	}
	s.respond(w, func() (any, error) { return h(s, r, body) })
}

func (s *Server) respond(w http.ResponseWriter, f func() (any, error)) {
	v, err := f()
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// endpointOf strips the services prefix (case-insensitively) and returns
// the endpoint in lower case, keeping the case of object ids.
func endpointOf(p string) (string, bool) {
	if len(p) < len(servicesPrefix) || !strings.EqualFold(p[:len(servicesPrefix)], servicesPrefix) {
		return "", false
	}
	rest := strings.Trim(p[len(servicesPrefix):], "/")
	lower := strings.ToLower(rest)
	if strings.HasPrefix(lower, "data/objects/") {
		return "data/objects/" + rest[len("data/objects/"):], true
	}
	return lower, true
}

func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	var b strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Body.Read(buf)
		b.Write(buf[:n])
		if b.Len() > maxBody {
			return nil, errorf(codeInvalidArgument, "request body too large")
		}
		if err != nil {
			return []byte(b.String()), nil
		}
	}
}

// writeJSON writes v with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status, data = http.StatusInternalServerError, errorBody(errorf(codeInternal, "%v", err))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(data)
}

// writeError writes HTTP 500 with {errorCode, message, referenceId}.
func writeError(w http.ResponseWriter, err error) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(errorBody(err))
}

func errorBody(err error) []byte {
	ae, ok := err.(*apiError)
	if !ok {
		ae = errorf(codeGeneral, "%v", err)
	}
	data, _ := json.Marshal(struct {
		ErrorCode   string `json:"errorCode"`
		Message     string `json:"message"`
		ReferenceID string `json:"referenceId"`
	}{ae.code, ae.msg, newID()})
	return data
}

// newID returns a fresh random identifier.
func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// decode reads a JSON request body into v; malformed JSON is an
// InvalidQuery error.
func decode(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return errorf(codeInvalidQuery, "the request body is empty")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return errorf(codeInvalidQuery, "malformed request: %v", err)
	}
	return nil
}
