package frontend

import (
	"fmt"

	"github.com/czql/czql/client"
	"github.com/czql/czql/sandbox"
)

// embeddedNote is the line written when the embedded sandbox is used.
const embeddedNote = "czql: no CZQL_URL set: running on the embedded sandbox (demo organisation)"

// connectEmbedded starts the demo organisation on 127.0.0.1:0 in-process
// and logs in as the demo user.
func (c *Conn) connectEmbedded() int {
	e := c.env
	fmt.Fprintln(e.stderr, embeddedNote)
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
