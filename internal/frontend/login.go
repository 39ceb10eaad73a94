package frontend

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/czql/czql/client"
)

// connectRemote logs in to the organisation at raw with the credentials
// of the environment.
func (c *Conn) connectRemote(raw string) int {
	e := c.env
	cfg := client.Config{
		URL: raw, User: e.lookup("CZQL_USER"), Password: e.lookup("CZQL_PASSWORD"),
		APIKey: e.lookup("CZQL_API_KEY"), SessionDir: sessionDir(e.getenv),
	}
	if c.opts.PasswordStdin {
		pw, err := ReadPassword(e.stdin)
		if err != nil {
			e.errorf("reading the password from standard input: %v", err)
			return ExitUsage
		}
		cfg.Password = pw
	}
	if cfg.APIKey == "" && cfg.User != "" && cfg.Password == "" && c.opts.AskPassword != nil {
		pw, err := c.opts.AskPassword()
		if err != nil {
			e.errorf("reading the password: %v", err)
			return ExitUsage
		}
		cfg.Password = pw
	}
	if cfg.APIKey == "" && (cfg.User == "" || cfg.Password == "") {
		e.errorf("CZQL_URL is set but not the credentials: set CZQL_USER and CZQL_PASSWORD (or use --password-stdin), or CZQL_API_KEY")
		return ExitUsage
	}
	if u, err := url.Parse(raw); err == nil && u.User != nil {
		e.errorf("CZQL_URL must not hold credentials")
		return ExitUsage
	}
	return c.login(cfg)
}

// login creates the client for cfg, counting its requests and writing
// its warnings (a session directory it refuses) on standard error, and
// logs in.
func (c *Conn) login(cfg client.Config) int {
	if c.opts.Debug {
		cfg.Debug = c.env.stderr
	}
	cfg.OnRequest = func(string, string) { c.calls.Add(1) }
	cfg.Warn = func(msg string) { c.env.errorf("%s", msg) }
	cl, err := client.New(cfg)
	if err != nil {
		c.env.errorf("%v", err)
		return ExitUsage
	}
	if err := cl.Login(c.env.ctx); err != nil {
		return loginFailed(c.env, err)
	}
	c.Client = cl
	return ExitOK
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

// ReadPassword reads a password, the first line of r without its line
// ending (for --password-stdin); an empty one is an error.
func ReadPassword(r io.Reader) (string, error) {
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
