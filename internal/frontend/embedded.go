package frontend

import (
	"fmt"

	"github.com/czql/czql/client"
	"github.com/czql/czql/sandbox"
)

// The line written when the embedded sandbox is used: for want of
// CZQL_URL, or because ConnectOptions.Sandbox (--sandbox) asks for it
// while CZQL_URL is set.
const (
	embeddedNote    = "czql: no CZQL_URL set: running on the embedded sandbox (demo organisation)"
	sandboxFlagNote = "czql: --sandbox: running on the embedded sandbox (demo organisation), not on CZQL_URL"
)

// connectEmbedded writes note, starts the demo organisation on
// 127.0.0.1:0 in-process and logs in as the demo user.
func (c *Conn) connectEmbedded(note string) int {
	e := c.env
	fmt.Fprintln(e.stderr, note)
	md, data, err := sandbox.Demo()
	if err != nil {
		e.errorf("loading the demo organisation: %v", err)
		return ExitUsage
	}
	srv, err := sandbox.Start(e.ctx, "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: data,
		Users: map[string]string{sandbox.DemoUser: sandbox.DemoPassword},
	})
	if err != nil {
		e.errorf("starting the sandbox: %v", err)
		return ExitUsage
	}
	cfg := client.Config{URL: srv.URL, User: sandbox.DemoUser, Password: sandbox.DemoPassword}
	if code := c.login(cfg); code != ExitOK {
		srv.Close()
		return code
	}
	c.sandboxMD, c.stop = md, func() { srv.Close() }
	return ExitOK
}
