package sandbox

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// OrganizationID is the sandbox organisation's id.
const OrganizationID = "sandbox-org"

// session is one logged-in user.
type session struct {
	user, userID string
	last         time.Time
}

// sessions holds the live sessions; they expire after ttl of inactivity.
type sessions struct {
	mu  sync.Mutex
	ttl time.Duration
	now func() time.Time
	m   map[string]*session
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{ttl: ttl, now: now, m: map[string]*session{}}
}

func (ss *sessions) open(user, userID string) string {
	id := strings.ToUpper(newID()[:8]+"-"+newID()[:4]) + "_" + newID()[:8]
	ss.mu.Lock()
	ss.m[id] = &session{user: user, userID: userID, last: ss.now()}
	ss.mu.Unlock()
	return id
}

// check validates an Authorization header and touches the session.
func (ss *sessions) check(auth string, keys []string) (*session, error) {
	scheme, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	value = strings.TrimSpace(value)
	if strings.EqualFold(scheme, "ApiKey") {
		for _, k := range keys {
			if value != "" && subtle.ConstantTimeCompare([]byte(k), []byte(value)) == 1 {
				return &session{user: "apikey", userID: "/User/apikey"}, nil
			}
		}
		return nil, errorf(codeUnauthorized, "invalid API key")
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	sess := ss.m[value]
	if !strings.EqualFold(scheme, "Session") || sess == nil {
		return nil, errorf(codeSessionTimeout, "Session timed out or does not exist")
	}
	now := ss.now()
	if now.Sub(sess.last) > ss.ttl {
		delete(ss.m, value)
		return nil, errorf(codeSessionTimeout, "Session timed out")
	}
	sess.last = now
	return sess, nil
}

// expire ends the session of an Authorization header.
func (ss *sessions) expire(auth string) {
	_, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	ss.mu.Lock()
	delete(ss.m, strings.TrimSpace(value))
	ss.mu.Unlock()
}

func (ss *sessions) get(auth string) *session {
	_, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.m[strings.TrimSpace(value)]
}

// serverDefinition answers getServerDefinition with the server's own
// base URL, derived from the request.
func (s *Server) serverDefinition(r *http.Request) any {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	loc := scheme + "://" + r.Host + strings.TrimSuffix(servicesPrefix, "/")
	return obj{{"serverLocation", loc}, {"appLocation", scheme + "://" + r.Host}, {"organizationId", OrganizationID}}
}

// login checks credentials (JSON or form-encoded) and opens a session.
func (s *Server) login(body []byte) (any, error) {
	var req struct {
		UserName string `json:"userName"`
		Password string `json:"password"`
	}
	if err := decode(body, &req); err != nil {
		form, ferr := url.ParseQuery(string(body))
		if ferr != nil || form.Get("userName") == "" {
			return nil, errorf(codeLoginFailure, "Invalid user name or password")
		}
		req.UserName, req.Password = form.Get("userName"), form.Get("password")
	}
	want, ok := s.opts.Users[req.UserName]
	if !ok || subtle.ConstantTimeCompare([]byte(want), []byte(req.Password)) != 1 {
		return nil, errorf(codeLoginFailure, "Invalid user name or password")
	}
	userID := s.userID(req.UserName)
	id := s.sessions.open(req.UserName, userID)
	return obj{{"sessionId", id}, {"userId", userID}, {"organizationId", OrganizationID}, {"licenseType", "Full"}}, nil
}

// userID finds the User row whose UserName is name.
func (s *Server) userID(name string) string {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	if ent := s.store.md.Entity("User"); ent != nil {
		for _, r := range s.store.rowsOf(ent) {
			if u, _ := r.row["UserName"].(string); strings.EqualFold(u, name) {
				return r.row.ID()
			}
		}
	}
	return "/User/" + name
}

func (s *Server) logout(r *http.Request, _ []byte) (any, error) {
	s.sessions.expire(r.Header.Get("Authorization"))
	return obj{}, nil
}

func (s *Server) sessionInfo(r *http.Request, _ []byte) (any, error) {
	sess := s.sessions.get(r.Header.Get("Authorization"))
	if sess == nil {
		return obj{{"customInfo", []any{}}, {"organizationId", OrganizationID}, {"licenseType", "Full"}}, nil
	}
	_, id, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	return obj{{"customInfo", []any{}}, {"sessionId", strings.TrimSpace(id)}, {"userId", sess.userID}, {"organizationId", OrganizationID}, {"licenseType", "Full"}}, nil
}
