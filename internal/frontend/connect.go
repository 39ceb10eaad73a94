package frontend

import (
	"context"
	"io"
	"sync/atomic"

	"github.com/czql/czql/client"
	"github.com/czql/czql/metadata"
)

// ConnectOptions says how [Connect] and [Dial] connect.
type ConnectOptions struct {
	Stdin  io.Reader           // for PasswordStdin; may be nil
	Stderr io.Writer           // notes and errors
	Getenv func(string) string // the environment; nil means empty
	// Sandbox forces the embedded sandbox even when CZQL_URL is set.
	Sandbox bool
	// MetadataPath names the metadata file to validate against (the
	// --metadata flag, or the project configuration's metadata:); it
	// comes before CZQL_METADATA.
	MetadataPath string
	// PasswordStdin reads the password from the first line of Stdin.
	PasswordStdin bool
	// AskPassword asks for the password (without echo) when CZQL_URL
	// and CZQL_USER are set but neither CZQL_PASSWORD nor CZQL_API_KEY
	// is; nil means there is no one to ask.
	AskPassword func() (string, error)
	// DeferMetadata: when the organisation's metadata is not cached and
	// no file is named, return without it instead of noting that
	// statements go unchecked; [Conn.MetadataMissing] then says so and
	// [Conn.RefreshMetadata] fetches it.
	DeferMetadata bool
	// Debug prints each HTTP request and response on Stderr
	// (Authorization redacted).
	Debug bool
}

// Conn is a logged-in client, on the embedded sandbox or on the
// organisation CZQL_URL names, with the metadata to validate against.
type Conn struct {
	Client *client.Client
	// Metadata is what statements are validated against; nil when there
	// is none.
	Metadata *metadata.Metadata
	// MetadataMissing is set, with DeferMetadata, when no metadata was
	// found: the caller is expected to fetch it.
	MetadataMissing bool
	sandboxMD       *metadata.Metadata // the embedded sandbox's metadata; nil otherwise
	stop            func()             // stops the embedded sandbox; nil otherwise
	env             *env
	opts            ConnectOptions
	calls           atomic.Int64
}

// Connect connects as `czql run` and czql-repl do: to the organisation
// CZQL_URL names with the credentials of the environment, or to the
// embedded sandbox with the demo organisation (saying so on Stderr); then
// it loads the metadata to validate against: MetadataPath, else
// CZQL_METADATA, else the embedded sandbox's own, else the organisation's
// cache (`czql metadata fetch`). Without any it notes that statements go
// unchecked (see DeferMetadata). It returns an exit code other than
// [ExitOK] on failure, the error already reported on Stderr.
func Connect(ctx context.Context, o ConnectOptions) (*Conn, int) {
	c, code := Dial(ctx, o)
	if code != ExitOK {
		return nil, code
	}
	if code := c.loadMetadata(); code != ExitOK {
		c.Close()
		return nil, code
	}
	return c, ExitOK
}

// Dial connects and logs in as [Connect] does, without looking for
// metadata: the connection of `czql metadata fetch`.
func Dial(ctx context.Context, o ConnectOptions) (*Conn, int) {
	getenv := environ(o.Getenv)
	note := embeddedNote
	if o.Sandbox {
		if getenv("CZQL_URL") != "" {
			note = sandboxFlagNote
		}
		getenv = withoutURL(getenv)
	}
	c := &Conn{opts: o, env: &env{ctx: ctx, stdin: o.Stdin, stderr: o.Stderr, getenv: getenv}}
	var code int
	if raw := c.env.lookup("CZQL_URL"); raw != "" {
		code = c.connectRemote(raw)
	} else {
		code = c.connectEmbedded(note)
	}
	if code != ExitOK {
		return nil, code
	}
	return c, ExitOK
}

// Calls returns how many API requests the client has sent so far.
func (c *Conn) Calls() int64 { return c.calls.Load() }

// Close stops the embedded sandbox, if any. A remote session is kept for
// the next run.
func (c *Conn) Close() {
	if c.stop != nil {
		c.stop()
	}
}
