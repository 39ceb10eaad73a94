package sandbox

import (
	"encoding/json"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, body []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var guidForm = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// TestServerDefinitionIsTheDocumentedShape checks getServerDefinition: the
// documented fields only (a typed client stops on an unexpected string
// organizationId), the configured location whatever the Host header,
// and no check of credentials or body.
func TestServerDefinitionIsTheDocumentedShape(t *testing.T) {
	c := newTestServer(t, func(o *Options) { o.BaseURL = "http://127.0.0.1:9999/v2.0/services" })
	c.session = ""
	for _, body := range []string{"", `{"userName":"nobody","password":"wrong"}`, `{not json`} {
		req := httptest.NewRequest("POST", "http://evil.example/v2.0/services/authentication/getServerDefinition", strings.NewReader(body))
		req.Host = "evil.example"
		rec := httptest.NewRecorder()
		c.srv.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("%q: HTTP %d %s", body, rec.Code, rec.Body)
		}
		if got := strings.Join(keysOf(t, rec.Body.Bytes()), ","); got != "appLocation,serverLocation" {
			t.Errorf("%q: fields %s", body, got)
		}
		want := `{"serverLocation":"http://127.0.0.1:9999/v2.0/services","appLocation":"http://127.0.0.1:9999"}`
		if got := rec.Body.String(); got != want {
			t.Errorf("%q: got %s", body, got)
		}
	}
}

// TestLoginAnswer checks login's documented fields: a GUID-form
// organizationId, a bare userId and serverTime in the guide's format.
func TestLoginAnswer(t *testing.T) {
	clk := &clock{t: time.Date(2024, 5, 6, 7, 8, 9, 123456700, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now = clk.now })
	code, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
	if code != 200 {
		t.Fatalf("HTTP %d %s", code, body)
	}
	if got := strings.Join(keysOf(t, body), ","); got != "licenseType,organizationId,serverTime,sessionId,userId" {
		t.Errorf("fields %s", got)
	}
	var res struct{ SessionID, UserID, OrganizationID, ServerTime, LicenseType string }
	json.Unmarshal(body, &res)
	if res.ServerTime != "2024-05-06T07:08:09.1234567Z" {
		t.Errorf("serverTime %s", res.ServerTime)
	}
	if !guidForm.MatchString(res.OrganizationID) || !guidForm.MatchString(res.UserID) {
		t.Errorf("organizationId %s, userId %s: want GUIDs", res.OrganizationID, res.UserID)
	}
	c.session = res.SessionID
	info := c.query("authentication/getSessionInfo", "")
	if !strings.Contains(info, `"userId":"`+res.UserID+`"`) || !strings.Contains(info, `"sessionId":"`+res.SessionID+`"`) {
		t.Errorf("getSessionInfo: %s", info)
	}
}

// TestLoginUserIDOfARow checks that a user with a User row gets that row's
// id, without its "/User/" prefix.
func TestLoginUserIDOfARow(t *testing.T) {
	c := newTestServer(t, func(o *Options) {
		o.Users = map[string]string{"demo": "demo", "ops": "pw"}
		o.Data.Add("User", Row{"id": "/User/u9", "Name": "Ops Desk", "UserName": "Ops"})
	})
	_, body := c.do("POST", "authentication/login", `{"userName":"ops","password":"pw"}`)
	var res struct{ UserID string }
	json.Unmarshal(body, &res)
	if res.UserID != "u9" {
		t.Errorf("userId %q (%s)", res.UserID, body)
	}
}

// TestSessionTimeoutIsTenMinutes checks the guide's default: a session
// ends after 10 minutes of inactivity, and each call resets the clock.
func TestSessionTimeoutIsTenMinutes(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now = clk.now })
	for range 3 {
		clk.t = clk.t.Add(10 * time.Minute)
		c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	}
	clk.t = clk.t.Add(10*time.Minute + time.Second)
	if got := c.errorCode("data/countQuery", `{"query":{"typeName":"Task"}}`); got != "SessionTimeout" {
		t.Errorf("after 10 minutes idle: %s", got)
	}
}

// TestTwoSessionsPerUser checks the documented limit of two concurrent
// sessions per user: a third login ends the oldest, which then answers
// SessionTimeout, while the two newest keep working.
func TestTwoSessionsPerUser(t *testing.T) {
	c := newTestServer(t, nil)
	first := c.session
	login := func() string {
		_, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
		var res struct{ SessionID string }
		json.Unmarshal(body, &res)
		return res.SessionID
	}
	second, third := login(), login()
	for _, s := range []string{second, third} {
		c.session = s
		c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	}
	c.session = first
	if got := c.errorCode("data/countQuery", `{"query":{"typeName":"Task"}}`); got != "SessionTimeout" {
		t.Errorf("oldest session: %s", got)
	}
	if n := c.srv.sessions.count(); n != MaxSessionsPerUser {
		t.Errorf("%d sessions held, want %d", n, MaxSessionsPerUser)
	}
}

// TestExpiredSessionsAreReaped checks that a session nobody uses again is
// removed once expired, as other clients come and go.
func TestExpiredSessionsAreReaped(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) {
		o.Now, o.Users = clk.now, map[string]string{"demo": "demo", "ops": "ops"}
	})
	if n := c.srv.sessions.count(); n != 1 {
		t.Fatalf("%d sessions", n)
	}
	clk.t = clk.t.Add(DefaultSessionTTL + time.Second)
	c.session = ""
	code, body := c.do("POST", "authentication/login", `{"userName":"ops","password":"ops"}`)
	if code != 200 {
		t.Fatalf("login: %d %s", code, body)
	}
	if n := c.srv.sessions.count(); n != 1 {
		t.Errorf("%d sessions held after the demo session expired, want 1", n)
	}
	var res struct{ SessionID string }
	json.Unmarshal(body, &res)
	c.session = res.SessionID
	clk.t = clk.t.Add(DefaultSessionTTL + time.Second)
	c.do("POST", "data/countQuery", `{"query":{"typeName":"Task"}}`)
	if n := c.srv.sessions.count(); n != 0 {
		t.Errorf("%d sessions held after every session expired, want 0", n)
	}
}

// TestDailyQuota checks the configurable daily call quota: off by
// default; when set, calls beyond it answer the message clients look for,
// a bulk call counts once, logins do not count, and the next UTC day
// starts afresh.
func TestDailyQuota(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 23, 58, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now, o.DailyCallQuota = clk.now, 3 })
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	c.query("bulk/execute", `{"requests":[{"url":"/data/countQuery","body":{"query":{"typeName":"Task"}}},{"url":"/data/countQuery","body":{"query":{"typeName":"Task"}}}]}`)
	c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`)
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	code, body := c.do("POST", "data/countQuery", `{"query":{"typeName":"Task"}}`)
	var e struct{ ErrorCode, Message string }
	json.Unmarshal(body, &e)
	if code != 500 || e.ErrorCode != "InvalidOperation" || !strings.Contains(e.Message, "API calls quota exceeded") {
		t.Errorf("fourth call: %d %s", code, body)
	}
	clk.t = clk.t.Add(5 * time.Minute)
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)

	unlimited := newTestServer(t, nil)
	for range 50 {
		unlimited.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	}
}

// TestLoginRateLimit checks that logins are rate-limited on their own:
// a flood of logins is answered 429 and does not use up the calls of
// clients that hold a session.
func TestLoginRateLimit(t *testing.T) {
	clk := &clock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := newTestServer(t, func(o *Options) { o.Now, o.RateLimit, o.LoginRateLimit = clk.now, 2, 3 })
	session := c.session
	c.session = ""
	answered := 0
	for range 20 {
		code, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"wrong"}`)
		switch code {
		case 429:
			if string(body) != rateLimitBody(3) {
				t.Fatalf("429 body %s", body)
			}
		default:
			answered++
		}
	}
	if answered != 2 { // the test server's own login took the first place
		t.Errorf("%d logins answered in one second, want 2 more", answered)
	}
	c.session = session
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	c.query("data/countQuery", `{"query":{"typeName":"Task"}}`)
	clk.t = clk.t.Add(time.Second)
	c.session = ""
	if code, body := c.do("POST", "authentication/login", `{"userName":"demo","password":"demo"}`); code != 200 {
		t.Errorf("login a second later: %d %s", code, body)
	}
}
