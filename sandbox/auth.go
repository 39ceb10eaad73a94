package sandbox

import (
	"crypto/sha1"
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// OrganizationID is the sandbox organisation's id, in the form the login
// answer documents (a GUID).
const OrganizationID = "5a3c1e0b-8d2f-4b6a-9c71-0e4d2f6b8a19"

// serverTimeLayout is the form of login's serverTime
// ("2014-01-01T20:15:05.2954874Z").
const serverTimeLayout = "2006-01-02T15:04:05.0000000Z"

// serverDefinition answers getServerDefinition with exactly the
// documented fields, serverLocation and appLocation, taken from the
// configured base URL (never from the request). It reads no body and
// checks no credentials: the login does.
func (s *Server) serverDefinition() any {
	app := ""
	if u, err := url.Parse(s.opts.BaseURL); err == nil && u.Host != "" {
		app = u.Scheme + "://" + u.Host
	}
	return obj{{"serverLocation", s.opts.BaseURL}, {"appLocation", app}}
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
	return obj{{"sessionId", id}, {"userId", lastSegment(userID)}, {"organizationId", OrganizationID},
		{"serverTime", s.opts.Now().UTC().Format(serverTimeLayout)}, {"licenseType", "Full"}}, nil
}

// userID finds the User row whose UserName is name; a user without one
// gets an id derived from the name, in the documented GUID form.
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
	return "/User/" + nameGUID(name)
}

// nameGUID derives a GUID-shaped id from a name, the same every time.
func nameGUID(name string) string {
	h := sha1.Sum([]byte("czql-sandbox-user:" + name))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
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
	return obj{{"customInfo", []any{}}, {"sessionId", sess.id}, {"userId", lastSegment(sess.userID)},
		{"organizationId", OrganizationID}, {"licenseType", "Full"}}, nil
}
