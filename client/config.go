package client

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultMaxRetries is the number of retries used when Config.MaxRetries is 0.
const DefaultMaxRetries = 4

// Config configures a [Client].
type Config struct {
	// URL is the API base or discovery URL, e.g.
	// https://api.clarizen.com/v2.0/services (CZQL_URL).
	URL string
	// User is the login user name.
	User string
	// Password is sent only in the bodies of getServerDefinition and
	// login, as the API guide shows: never in URLs, never logged, never
	// in errors or session files (they keep a salted PBKDF2 hash of it,
	// to tell whether a stored session was made with the same password).
	Password string
	// APIKey, when set, authenticates with `Authorization: ApiKey <key>`
	// instead of a login session.
	APIKey string
	// SessionDir is where session files live (0600, keyed by host and
	// user); "" disables reuse across runs. The directory (created 0700
	// if missing) and its files must be owned by the user and not be
	// writable by others, else they are not used (see Warn); they are
	// never written or changed through a symbolic link. A stored session
	// is reused only with the password it was made with.
	SessionDir string
	// HTTPClient sends the requests; nil means a default with timeouts
	// that does not follow redirects.
	HTTPClient *http.Client
	// Debug, when set, receives one line per request and per response,
	// with the Authorization header redacted.
	Debug io.Writer
	// Warn, when set, is told (once for each message) of a problem the
	// client works around instead of failing, such as a session
	// directory or file that is not the user's alone, which it neither
	// reuses nor writes to. It must be safe for concurrent use.
	Warn func(msg string)
	// OnRequest, when set, is called once for every HTTP request sent
	// (retries and logins included), with its method and URL path: a hook
	// to count API calls. It must be safe for concurrent use.
	OnRequest func(method, path string)
	// AllowInsecure allows plain http to non-loopback hosts; loopback
	// http is always allowed.
	AllowInsecure bool
	// MaxRetries caps retries after 429, 5xx and broken connections;
	// 0 means DefaultMaxRetries, a negative value disables retries.
	MaxRetries int
	// Sleep waits between retries; nil means a real sleep that returns
	// early with ctx.Err() when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
}

// checkURL parses raw and applies the scheme rules: https always, http only
// to loopback hosts unless insecure is allowed.
func checkURL(raw string, allowInsecure bool) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil {
		return nil, fmt.Errorf("client: invalid URL: %v", errors.Unwrap(err))
	}
	if u.Host == "" {
		return nil, fmt.Errorf("client: URL %q has no host", u.Redacted())
	}
	if u.User != nil {
		return nil, errors.New("client: URL must not contain credentials")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !allowInsecure && !isLoopback(u.Hostname()) {
			return nil, fmt.Errorf("client: refusing plain http to non-loopback host %s (allow insecure to override)", u.Hostname())
		}
	default:
		return nil, fmt.Errorf("client: unsupported URL scheme %q", u.Scheme)
	}
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

// isLoopback reports whether host is localhost or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// defaultHTTPClient has connection timeouts, an overall cap of 10 minutes
// (bulk calls are slow) and does not follow redirects, so that the login
// body is never replayed to another host.
func defaultHTTPClient() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSHandshakeTimeout = 15 * time.Second
	tr.ResponseHeaderTimeout = 5 * time.Minute
	return &http.Client{
		Transport: tr,
		Timeout:   10 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// sleepCtx waits for d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
