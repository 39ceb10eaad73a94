package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// serverDefinition is the answer of getServerDefinition.
type serverDefinition struct {
	ServerLocation string `json:"serverLocation"`
	AppLocation    string `json:"appLocation"`
}

// SessionInfo is the answer of authentication/getSessionInfo.
type SessionInfo struct {
	SessionID      string          `json:"sessionId"`
	UserID         string          `json:"userId"`
	OrganizationID string          `json:"organizationId"`
	LicenseType    string          `json:"licenseType"`
	CustomInfo     json.RawMessage `json:"customInfo,omitempty"`
}

// Login prepares the client for calls: it reuses a stored session when
// there is one, and otherwise calls getServerDefinition and then login. With
// an API key it only discovers the server location. Calls log in on their
// own when needed, so calling Login first is optional.
func (c *Client) Login(ctx context.Context) error {
	if c.cfg.APIKey == "" {
		if s, ok := c.loadSession(); ok {
			c.setState(s.ServerLocation, s.SessionID)
			c.debugf("reusing stored session for %s", c.base.Host)
			return nil
		}
	}
	return c.freshLogin(ctx)
}

// freshLogin discovers the server and, without an API key, logs in and
// stores the session.
func (c *Client) freshLogin(ctx context.Context) error {
	loc, err := c.discover(ctx)
	if err != nil {
		return err
	}
	if c.cfg.APIKey != "" {
		c.setState(loc, "")
		return nil
	}
	body := map[string]string{"userName": c.cfg.User, "password": c.cfg.Password}
	cl, err := newCall(http.MethodPost, loc+"/authentication/login", body)
	if err != nil {
		return err
	}
	cl.secret, cl.idempotent = true, true
	var lr struct {
		SessionID string `json:"sessionId"`
	}
	if err := c.exchange(ctx, cl, &lr); err != nil {
		return err
	}
	if lr.SessionID == "" {
		return &Error{StatusCode: http.StatusOK, Message: "login answered without a sessionId"}
	}
	c.setState(loc, lr.SessionID)
	if err := c.saveSession(sessionFile{ServerLocation: loc, SessionID: lr.SessionID}); err != nil {
		c.debugf("cannot store session: %v", err)
	}
	return nil
}

// discover calls getServerDefinition and checks the returned server
// location against the URL rules. Without an API key it sends the user
// name and password, as the API guide and every public client do (the
// organisation's data centre is found by them); with one, an empty body.
func (c *Client) discover(ctx context.Context) (string, error) {
	body := map[string]string{}
	if c.cfg.APIKey == "" && c.cfg.User != "" {
		body["userName"] = c.cfg.User
		if c.cfg.Password != "" {
			body["password"] = c.cfg.Password
		}
	}
	cl, err := newCall(http.MethodPost, c.base.String()+"/authentication/getServerDefinition", body)
	if err != nil {
		return "", err
	}
	cl.secret, cl.idempotent, cl.auth = true, true, c.authHeader("")
	var sd serverDefinition
	if err := c.exchange(ctx, cl, &sd); err != nil {
		return "", err
	}
	if sd.ServerLocation == "" {
		return c.base.String(), nil
	}
	u, err := checkURL(sd.ServerLocation, c.cfg.AllowInsecure)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// ensureLogin logs in when the client has no server location yet.
func (c *Client) ensureLogin(ctx context.Context) error {
	if loc, _ := c.state(); loc != "" {
		return nil
	}
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	if loc, _ := c.state(); loc != "" {
		return nil
	}
	return c.Login(ctx)
}

// Logout ends the session on the server and removes the session file.
// The file is removed and the client forgets the session even when the
// server call fails.
func (c *Client) Logout(ctx context.Context) error {
	loc, sess := c.state()
	if sess == "" {
		if s, ok := c.loadSession(); ok {
			loc, sess = s.ServerLocation, s.SessionID
		}
	}
	c.setState("", "")
	ferr := c.removeSession()
	if sess == "" || c.cfg.APIKey != "" {
		return ferr
	}
	cl, err := newCall(http.MethodGet, loc+"/authentication/logout", nil)
	if err != nil {
		return err
	}
	cl.auth = c.authHeader(sess)
	return errors.Join(c.exchange(ctx, cl, nil), ferr)
}

// SessionInfo returns the current session's user, organisation and
// license type.
func (c *Client) SessionInfo(ctx context.Context) (*SessionInfo, error) {
	var si SessionInfo
	if err := c.do(ctx, http.MethodGet, "/authentication/getSessionInfo", nil, true, &si); err != nil {
		return nil, err
	}
	return &si, nil
}
