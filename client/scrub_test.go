package client

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/czql/czql/api"
)

// TestScrubCoversEncodedForms checks that the password is replaced in
// every form a server may echo it in: as it is, JSON-escaped by Go (with
// and without HTML escapes) or by a .NET-style encoder (\uXXXX in either
// hex case), and URL-encoded for a query or a path (either hex case).
func TestScrubCoversEncodedForms(t *testing.T) {
	const pw = `p"ä/&+ x<y\😀`
	c, err := New(Config{URL: "https://api.example.com/v2.0/services", User: "u", Password: pw})
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]string{
		"raw":             pw,
		"JSON":            `p\"ä/\u0026+ x\u003cy\\😀`,
		"JSON, no HTML":   `p\"ä/&+ x<y\\😀`,
		"JSON, .NET":      `p\"\u00E4/\u0026\u002B x\u003Cy\\\uD83D\uDE00`,
		"JSON, .NET, hex": `p\"\u00e4/\u0026\u002b x\u003cy\\\ud83d\ude00`,
		"query":           url.QueryEscape(pw),
		"query, hex":      strings.ToLower(url.QueryEscape(pw)), // no letters but p, x and y outside escapes
		"path":            url.PathEscape(pw),
	}
	for name, form := range forms {
		got := c.scrub("before " + form + " after")
		if got != "before *** after" {
			t.Errorf("%s form %q: scrubbed to %q", name, form, got)
		}
	}
}

// TestScrubLeavesShortPasswords checks that passwords shorter than 4
// characters are not scrubbed: they would mangle ordinary words and hide
// nothing.
func TestScrubLeavesShortPasswords(t *testing.T) {
	for _, pw := range []string{"", "p", "on", "res", "äöü"} {
		c, err := New(Config{URL: "https://api.example.com", User: "u", Password: pw})
		if err != nil {
			t.Fatal(err)
		}
		const text = "response: onion äöü"
		if got := c.scrub(text); got != text {
			t.Errorf("password %q: %q scrubbed to %q", pw, text, got)
		}
	}
	c, _ := New(Config{URL: "https://api.example.com", User: "u", Password: "resp"})
	if got := c.scrub("response"); got != "***onse" {
		t.Errorf("a 4-character password: %q, want it scrubbed", got)
	}
}

// TestEchoedEncodedPasswordNeverShows checks, end to end, that a server
// echoing the password URL-encoded in a non-JSON error page and
// JSON-escaped in an error message shows it neither in the error nor in
// the debug output.
func TestEchoedEncodedPasswordNeverShows(t *testing.T) {
	const pw = "s3cret/pa ss&word"
	f := newFake(t)
	f.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/getServerDefinition"):
			w.WriteHeader(502)
			w.Write([]byte("<html>bad gateway for ?password=" + url.QueryEscape(pw) + "</html>"))
		default:
			w.WriteHeader(500)
		}
	})
	c, _, dbg := newClient(t, f, func(cfg *Config) { cfg.Password, cfg.MaxRetries = pw, -1 })
	_, err := c.Query(context.Background(), &api.Query{Q: "x"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, form := range []string{pw, url.QueryEscape(pw)} {
		if strings.Contains(err.Error(), form) || strings.Contains(dbg.String(), form) {
			t.Errorf("%q shows in the error %q or the debug output:\n%s", form, err, dbg)
		}
	}
	if !strings.Contains(err.Error(), "password=***") {
		t.Errorf("error %q: want the password replaced by ***", err)
	}
}
