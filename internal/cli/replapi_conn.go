package cli

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/czql/czql/client"
	"github.com/czql/czql/metadata"
)

// ConnectOptions says how [Connect] connects.
type ConnectOptions struct {
	Stdin  io.Reader           // for --password-stdin; may be nil
	Stderr io.Writer           // notes and errors
	Getenv func(string) string // the environment; nil means empty
	// Sandbox forces the embedded sandbox even when CZQL_URL is set.
	Sandbox bool
	// MetadataPath overrides the metadata to validate against.
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
}

// Conn is a logged-in client with the metadata to validate against (nil
// when there is none).
type Conn struct {
	Client   *client.Client
	Metadata *metadata.Metadata
	// MetadataMissing is set, with DeferMetadata, when no metadata was
	// found: the caller is expected to fetch it.
	MetadataMissing bool
	conn            *connection
	env             *env
	opts            ConnectOptions
	calls           atomic.Int64
}

// Calls returns how many API requests the client has sent so far.
func (c *Conn) Calls() int64 { return c.calls.Load() }

// Close stops the embedded sandbox, if any.
func (c *Conn) Close() { c.conn.close() }

// Connect connects as `czql run` does: the organisation CZQL_URL names
// with the credentials of the environment, or the embedded sandbox with
// the demo organisation (saying so on Stderr). It returns an exit code
// other than [ExitOK] on failure, the error already reported.
func Connect(ctx context.Context, o ConnectOptions) (*Conn, int) {
	c := &Conn{opts: o}
	getenv := o.Getenv
	if o.Sandbox {
		getenv = withoutURL(getenv)
	}
	e := &env{ctx: ctx, stdin: o.Stdin, stdout: o.Stderr, stderr: o.Stderr, getenv: getenv}
	count := func(string, string) { c.calls.Add(1) }
	conn, code := connect(e, connFlags{passwordStdin: o.PasswordStdin, askPassword: o.AskPassword, onRequest: count})
	if code != ExitOK {
		return nil, code
	}
	c.Client, c.conn, c.env = conn.client, conn, e
	if o.DeferMetadata && conn.sandboxMD == nil && runMetadataPath(e, o.MetadataPath, conn) == "" {
		c.MetadataMissing = true
		return c, ExitOK
	}
	md, code := runMetadata(e, o.MetadataPath, conn)
	if code != ExitOK {
		conn.close()
		return nil, code
	}
	c.Metadata = md
	return c, ExitOK
}

// metadataFile is the metadata file named by the options or
// CZQL_METADATA, or "".
func (c *Conn) metadataFile() string {
	if c.opts.MetadataPath != "" {
		return c.opts.MetadataPath
	}
	return c.env.lookupEnv("CZQL_METADATA")
}

// RefreshMetadata loads the metadata again from where it comes from: the
// named file, or else the organisation (or sandbox), whose cache it
// replaces. It returns the metadata and a line saying where it came
// from. ctx bounds the fetch.
func (c *Conn) RefreshMetadata(ctx context.Context) (*metadata.Metadata, string, error) {
	if path := c.metadataFile(); path != "" {
		md, err := metadata.Load(path)
		if err != nil {
			return nil, "", err
		}
		return md, fmt.Sprintf("loaded the metadata of %d entities from %s", len(md.EntityNames()), path), nil
	}
	e := *c.env
	e.ctx = ctx
	path := ""
	if c.conn.sandboxMD == nil {
		path = metadataCachePath(&e)
	}
	md, err := fetchMetadata(&e, c.conn, path)
	if err != nil {
		return nil, "", err
	}
	note := fmt.Sprintf("fetched the metadata of %d entities from %s", len(md.EntityNames()), md.Host)
	if path != "" {
		note += " into " + path
	}
	return md, note, nil
}

// withoutURL hides CZQL_URL from getenv.
func withoutURL(getenv func(string) string) func(string) string {
	return func(name string) string {
		if name == "CZQL_URL" || getenv == nil {
			return ""
		}
		return getenv(name)
	}
}
