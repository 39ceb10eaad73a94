package client

import (
	"fmt"
	"strings"
)

// maxDebugBody is the most of a request body printed in debug output.
const maxDebugBody = 512

// debugf writes one debug line when Config.Debug is set.
func (c *Client) debugf(format string, args ...any) {
	if c.cfg.Debug == nil {
		return
	}
	line := c.scrub(fmt.Sprintf(format, args...))
	c.debugMu.Lock()
	defer c.debugMu.Unlock()
	fmt.Fprintln(c.cfg.Debug, "czql: "+strings.ReplaceAll(line, "\n", " "))
}

// debugRequest prints a request line with the Authorization header
// redacted; bodies of credential requests are never printed.
func (c *Client) debugRequest(cl *call) {
	if c.cfg.Debug == nil {
		return
	}
	line := fmt.Sprintf("--> %s %s", cl.method, cl.url)
	if cl.auth != "" {
		scheme, _, _ := strings.Cut(cl.auth, " ")
		line += " Authorization: " + scheme + " [redacted]"
	}
	switch {
	case cl.secret:
		line += " body: [redacted]"
	case cl.body != nil:
		b := string(cl.body)
		if len(b) > maxDebugBody {
			b = b[:maxDebugBody] + "…"
		}
		line += " body: " + b
	}
	c.debugf("%s", line)
}

// warnf tells Config.Warn, once for each message, of a problem the
// client works around, and writes it to the debug output.
func (c *Client) warnf(format string, args ...any) {
	msg := c.scrub(fmt.Sprintf(format, args...))
	c.debugf("%s", msg)
	if c.cfg.Warn == nil {
		return
	}
	c.mu.Lock()
	seen := c.warned[msg]
	if c.warned == nil {
		c.warned = map[string]bool{}
	}
	c.warned[msg] = true
	c.mu.Unlock()
	if !seen {
		c.cfg.Warn(msg)
	}
}
