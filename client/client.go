package client

import (
	"net/url"
	"strings"
	"sync"
)

// Client talks to one Clarizen organisation. It is safe for concurrent use.
type Client struct {
	cfg     Config
	base    *url.URL // discovery URL from Config.URL
	maxBody int64    // the largest response body read
	secrets []string // the forms of the password scrubbed from text

	loginMu  sync.Mutex // serialises re-logins
	debugMu  sync.Mutex // serialises Debug writes
	mu       sync.Mutex
	location string          // serverLocation; "" until Login
	session  string          // sessionId; "" until Login or with an API key
	warned   map[string]bool // the messages given to Config.Warn
}

// New checks cfg (URL scheme rules: https, or http to loopback unless
// AllowInsecure) and fills in defaults. It does not touch the network.
func New(cfg Config) (*Client, error) {
	u, err := checkURL(cfg.URL, cfg.AllowInsecure)
	if err != nil {
		return nil, err
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = defaultHTTPClient()
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	return &Client{cfg: cfg, base: u, maxBody: defaultMaxBody, secrets: secretForms(cfg.Password)}, nil
}

// state returns the server location and session id.
func (c *Client) state() (location, session string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.location, c.session
}

// setState records the server location and session id.
func (c *Client) setState(location, session string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.location, c.session = strings.TrimRight(location, "/"), session
}

// authHeader is the Authorization header value for a session.
func (c *Client) authHeader(session string) string {
	if c.cfg.APIKey != "" {
		return "ApiKey " + c.cfg.APIKey
	}
	if session == "" {
		return ""
	}
	return "Session " + session
}

// scrub replaces the password, in any of the forms a server may echo it
// in (see [secretForms]), with "***" in text that came from the server.
func (c *Client) scrub(s string) string {
	for _, form := range c.secrets {
		s = strings.ReplaceAll(s, form, "***")
	}
	return s
}
