package cli

import (
	"fmt"

	"github.com/czql/czql/client"
	"github.com/czql/czql/sandbox"
)

// connectEmbedded starts the demo organisation on 127.0.0.1:0 in-process
// and logs in as the demo user.
func connectEmbedded(e *env, f connFlags) (*connection, int) {
	fmt.Fprintln(e.stderr, embeddedNote)
	md, data, err := sandbox.Demo()
	if err != nil {
		e.errorf("loading the demo organisation: %v", err)
		return nil, ExitUsage
	}
	srv, err := sandbox.Start(e.ctx, "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: data,
		Users: map[string]string{sandbox.DemoUser: sandbox.DemoPassword},
	})
	if err != nil {
		e.errorf("starting the sandbox: %v", err)
		return nil, ExitUsage
	}
	cfg := client.Config{URL: srv.URL, User: sandbox.DemoUser, Password: sandbox.DemoPassword}
	conn, code := login(e, cfg, f)
	if code != ExitOK {
		srv.Close()
		return nil, code
	}
	conn.sandboxMD, conn.stop = md, func() { srv.Close() }
	return conn, ExitOK
}
