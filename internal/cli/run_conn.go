package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/czql/czql/client"
	"github.com/czql/czql/metadata"
)

// embeddedNote is the line run and metadata fetch write when they use the
// embedded sandbox.
const embeddedNote = "czql: no CZQL_URL set: running on the embedded sandbox (demo organisation)"

// connFlags are the connection flags of run and metadata fetch.
type connFlags struct {
	passwordStdin bool
	debug         bool
	// onRequest is called for every API request sent (the REPL counts
	// them); nil for none.
	onRequest func(method, path string)
	// askPassword asks for a missing password (the REPL's no-echo
	// prompt); nil means none is asked.
	askPassword func() (string, error)
}

// connection is a logged-in client, on the embedded sandbox or on the
// organisation CZQL_URL names.
type connection struct {
	client    *client.Client
	sandboxMD *metadata.Metadata // the embedded sandbox's metadata; nil otherwise
	stop      func()
}

// close stops the embedded sandbox, if any. A remote session is kept for
// the next run.
func (c *connection) close() {
	if c.stop != nil {
		c.stop()
	}
}

// connect logs in to CZQL_URL, or starts the embedded sandbox without it.
func connect(e *env, f connFlags) (*connection, int) {
	raw := e.lookupEnv("CZQL_URL")
	if raw == "" {
		return connectEmbedded(e, f)
	}
	return connectRemote(e, raw, f)
}

// connectRemote logs in to the organisation at raw with the credentials
// of the environment.
func connectRemote(e *env, raw string, f connFlags) (*connection, int) {
	cfg := client.Config{
		URL: raw, User: e.lookupEnv("CZQL_USER"), Password: e.lookupEnv("CZQL_PASSWORD"),
		APIKey: e.lookupEnv("CZQL_API_KEY"), SessionDir: sessionDir(e),
	}
	if f.passwordStdin {
		pw, err := readPassword(e.stdin)
		if err != nil {
			e.errorf("reading the password from standard input: %v", err)
			return nil, ExitUsage
		}
		cfg.Password = pw
	}
	if cfg.APIKey == "" && cfg.User != "" && cfg.Password == "" && f.askPassword != nil {
		pw, err := f.askPassword()
		if err != nil {
			e.errorf("reading the password: %v", err)
			return nil, ExitUsage
		}
		cfg.Password = pw
	}
	if cfg.APIKey == "" && (cfg.User == "" || cfg.Password == "") {
		e.errorf("CZQL_URL is set but not the credentials: set CZQL_USER and CZQL_PASSWORD (or use --password-stdin), or CZQL_API_KEY")
		return nil, ExitUsage
	}
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		e.errorf("CZQL_URL must not hold credentials")
		return nil, ExitUsage
	}
	return login(e, cfg, f)
}

// login creates the client for cfg and logs in.
func login(e *env, cfg client.Config, f connFlags) (*connection, int) {
	if f.debug {
		cfg.Debug = e.stderr
	}
	cfg.OnRequest = f.onRequest
	c, err := client.New(cfg)
	if err != nil {
		e.errorf("%v", err)
		return nil, ExitUsage
	}
	if err := c.Login(e.ctx); err != nil {
		return nil, loginFailed(e, err)
	}
	return &connection{client: c}, ExitOK
}

// loginFailed reports a failed login once, as a login failure, and returns
// [ExitUsage]: czql could not run ([ExitInterrupted] when cancelled).
func loginFailed(e *env, err error) int {
	var apiErr *client.Error
	switch {
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &apiErr) && apiErr.Code != "":
		e.errorf("login failed: %s", apiErrorText(apiErr))
	default:
		e.errorf("login failed: %v", connectionText(err))
	}
	return ExitUsage
}

// readPassword reads the first line of r, without its line ending.
func readPassword(r io.Reader) (string, error) {
	if r == nil {
		return "", errors.New("no standard input")
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", err
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("empty password")
	}
	return pw, nil
}
