package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
)

// servicesPrefix is the path under which the API is served.
const servicesPrefix = "/v2.0/services/"

// Server is the sandbox API; it implements http.Handler for
// /v2.0/services/… and is safe for concurrent use.
type Server struct {
	opts     Options
	store    *store
	sessions *sessions
	limiter  *limiter
	logins   *limiter
	quota    *quota
	bodies   *bodyMemory
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
	st.limits = storeLimits{work: opts.MaxWork, workTime: opts.MaxWorkTime, now: opts.Now,
		newObjects: opts.MaxNewObjects, writeBytes: opts.MaxWriteBytes}
	return &Server{
		opts:     opts,
		store:    st,
		sessions: newSessions(opts.SessionTTL, opts.Now),
		limiter:  newLimiter(opts.RateLimit, opts.Now),
		logins:   newLimiter(opts.LoginRateLimit, opts.Now),
		quota:    &quota{max: opts.DailyCallQuota, now: opts.Now},
		bodies:   &bodyMemory{max: opts.MaxBodyMemory},
		faults:   newFaulter(opts.Faults),
	}, nil
}

// handler answers one endpoint; it returns the body to send with 200 or
// an error.
type handler func(s *Server, r *http.Request, body []byte) (any, error)

// ServeHTTP answers the API. Every request is treated as hostile: its
// method is checked and its caller authenticated before its body is
// read, only authenticated calls count against the rate limit and the
// daily quota, and the body is read within a size, time and memory
// budget.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(ResponseTimeout))
	w = guardBody(w, r)
	w, finish := compressed(w, r)
	defer finish()
	defer recoverInternal(w)
	endpoint, ok := endpointOf(r.URL.Path)
	if !ok {
		writeError(w, errorf(codeInvalidArgument, "unknown path %.200s", r.URL.Path))
		return
	}
	if err := checkMethod(endpoint, r.Method); err != nil {
		writeMethodError(w, endpoint, err)
		return
	}
	switch endpoint {
	case "authentication/getserverdefinition":
		writeJSON(w, http.StatusOK, s.serverDefinition())
	case "authentication/login":
		s.serveLogin(w, r)
	default:
		s.serveCall(w, r, endpoint)
	}
}

// serveLogin answers a login: rate-limited before its (small) body is
// read.
func (s *Server) serveLogin(w http.ResponseWriter, r *http.Request) {
	if !s.logins.allow() {
		writeRateLimited(w, s.logins.max)
		return
	}
	body, release, err := s.readBody(w, r, MaxLoginBytes)
	defer release()
	if err == nil {
		body, err = decodeBody(r.Header, body, MaxLoginBytes)
	}
	if err != nil {
		writeBodyError(w, err)
		return
	}
	s.respond(w, func() (any, error) { return s.login(body) })
}

// serveCall answers an API call other than getServerDefinition and
// login.
func (s *Server) serveCall(w http.ResponseWriter, r *http.Request, endpoint string) {
	if _, err := s.sessions.check(r.Header.Get("Authorization"), s.opts.APIKeys); err != nil {
		writeError(w, err)
		return
	}
	if route(endpoint) == nil {
		writeError(w, errorf(codeInvalidArgument, "unknown endpoint %.200s", endpoint))
		return
	}
	if !s.limiter.allow() {
		writeRateLimited(w, s.limiter.max)
		return
	}
	if err := s.quota.take(); err != nil {
		writeError(w, err)
		return
	}
	body, release, err := s.readBody(w, r, MaxRequestBytes)
	defer release()
	if err == nil {
		body, err = decodeBody(r.Header, body, MaxRequestBytes)
	}
	if err != nil {
		writeBodyError(w, err)
		return
	}
	r = s.store.withBudget(r)
	if s.faults.inject(w, r, body, s) {
		return
	}
	s.dispatch(w, r, endpoint, body)
}

// serveAuthed checks the method and the session of a request whose body
// is read (a bulk sub-request) and runs the endpoint.
func (s *Server) serveAuthed(w http.ResponseWriter, r *http.Request, endpoint string, body []byte) {
	if err := checkMethod(endpoint, r.Method); err != nil {
		writeMethodError(w, endpoint, err)
		return
	}
	if _, err := s.sessions.check(r.Header.Get("Authorization"), s.opts.APIKeys); err != nil {
		writeError(w, err)
		return
	}
	s.dispatch(w, r, endpoint, body)
}

// dispatch runs the endpoint of an authenticated request.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, endpoint string, body []byte) {
	h := route(endpoint)
	if h == nil {
		writeError(w, errorf(codeInvalidArgument, "unknown endpoint %.200s", endpoint))
		return
	}
	if err := s.store.checkWrite(endpoint, r.Method, body); err != nil {
		writeError(w, err)
		return
	}
	if strings.HasPrefix(endpoint, "data/objects/") && r.Method != http.MethodGet {
		defer s.store.dropCache() // an update may move a link row
	}
	s.respond(w, func() (any, error) { return h(s, r, body) })
}

func (s *Server) respond(w http.ResponseWriter, f func() (any, error)) {
	v, err := f()
	if err != nil {
		writeError(w, err)
		return
	}
	data, err := json.Marshal(v)
	if err == nil && len(data) > s.opts.MaxResponseBytes {
		err = errorf(codeInvalidOperation, "the answer is larger than %d bytes: ask for fewer rows or fields", s.opts.MaxResponseBytes)
	}
	if err != nil {
		writeError(w, err)
		return
	}
	writeRaw(w, http.StatusOK, data)
}

// recoverInternal answers a failure the server did not foresee as an
// Internal error that shows nothing of the server's insides; a handler
// that aborts on purpose (http.ErrAbortHandler) still aborts.
func recoverInternal(w http.ResponseWriter) {
	v := recover()
	if v == nil {
		return
	}
	if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
		panic(v)
	}
	writeError(w, errorf(codeInternal, "Internal error"))
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

// decode reads a JSON request body into v; malformed JSON is an
// InvalidQuery error.
func decode(body []byte, v any) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return errorf(codeInvalidQuery, "the request body is empty")
	}
	if err := json.Unmarshal(body, v); err != nil {
		return malformed(err)
	}
	return nil
}
