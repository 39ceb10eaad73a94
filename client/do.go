package client

import (
	"context"
)

// maxRelogins bounds the re-logins of one call: a session that expires
// again at once (a flaky server, or sessions cut short) is renewed up to
// this many times before the SessionTimeout is returned.
const maxRelogins = 4

// do sends an authenticated request to path (relative to the server
// location), logging in first when needed and, on session expiry, logging
// in again and replaying the request, up to maxRelogins times.
func (c *Client) do(ctx context.Context, method, path string, body any, idempotent bool, out any) error {
	if err := c.ensureLogin(ctx); err != nil {
		return err
	}
	cl, err := newCall(method, "", body)
	if err != nil {
		return err
	}
	cl.idempotent = idempotent
	for relogins := 0; ; relogins++ {
		loc, sess := c.state()
		cl.url, cl.auth = loc+path, c.authHeader(sess)
		err := c.exchange(ctx, cl, out)
		if err == nil || relogins == maxRelogins || !IsSessionTimeout(err) || c.cfg.APIKey != "" {
			return err
		}
		c.debugf("session expired; logging in again")
		if err := c.relogin(ctx, sess); err != nil {
			return err
		}
	}
}

// relogin logs in again unless another call already replaced the stale
// session; concurrent callers wait for one login instead of each starting
// their own.
func (c *Client) relogin(ctx context.Context, stale string) error {
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	if _, sess := c.state(); sess != stale && sess != "" {
		return nil
	}
	return c.freshLogin(ctx)
}
