package lsp

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// waitTime bounds every wait of the tests for a message of the server.
const waitTime = 20 * time.Second

// fixtureMetadata is the repository's describeMetadata fixture.
var fixtureMetadata = func() string {
	p, err := filepath.Abs("../../testdata/metadata/clarizen.json")
	if err != nil {
		panic(err)
	}
	return p
}()

// client is an LSP client in the test's process, talking to a server over
// a pipe. It records what the server sends and answers its requests.
type client struct {
	t      testing.TB
	conn   *jsonrpc2.Conn
	server *server
	exit   chan int // the server's exit code

	mu       sync.Mutex
	settings any // the answer to workspace/configuration
	diags    []PublishDiagnosticsParams
	messages []ShowMessageParams
	requests []string // the methods of the server's requests
	changed  chan struct{}
}

// clientOptions set up a test session.
type clientOptions struct {
	env      map[string]string
	settings any // answer to workspace/configuration (nil: null)
	debounce time.Duration
	quiet    bool // discard the server's log
}

// start runs a server and connects a client to it; the session ends with
// the test.
func start(t testing.TB, o clientOptions) *client {
	t.Helper()
	sc, cc := net.Pipe()
	env := o.env
	if env == nil {
		env = map[string]string{"XDG_CACHE_HOME": t.TempDir()}
	}
	debounce := o.debounce
	if debounce == 0 {
		debounce = time.Millisecond
	}
	var logw io.Writer = testLog{t}
	if o.quiet {
		logw = io.Discard
	}
	srv := newServer(Options{Getenv: func(k string) string { return env[k] }, Log: logw, Debounce: debounce})
	c := &client{t: t, server: srv, exit: make(chan int, 1), settings: o.settings, changed: make(chan struct{}, 1)}
	go func() { c.exit <- srv.serve(context.Background(), sc, sc) }()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(cc, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(c.handle))
	t.Cleanup(func() {
		c.conn.Close()
		select {
		case <-c.exit:
		case <-time.After(waitTime):
			t.Error("the server did not stop")
		}
	})
	return c
}

// testLog writes the server's log to the test's.
type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// handle records the server's notifications and answers its requests.
func (c *client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	c.mu.Lock()
	defer func() {
		c.mu.Unlock()
		select {
		case c.changed <- struct{}{}:
		default:
		}
	}()
	var params json.RawMessage
	if req.Params != nil {
		params = *req.Params
	}
	switch req.Method {
	case "textDocument/publishDiagnostics":
		var p PublishDiagnosticsParams
		json.Unmarshal(params, &p)
		c.diags = append(c.diags, p)
	case "window/showMessage":
		var p ShowMessageParams
		json.Unmarshal(params, &p)
		c.messages = append(c.messages, p)
	default:
		c.requests = append(c.requests, req.Method)
	}
	if req.Method == "workspace/configuration" {
		return []any{c.settings}, nil
	}
	return nil, nil
}

// call sends a request and decodes its result.
func (c *client) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), waitTime)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

// mustCall is call failing the test on an error.
func (c *client) mustCall(method string, params, result any) {
	c.t.Helper()
	if err := c.call(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// notify sends a notification.
func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize starts the session with the given capabilities and
// initializationOptions (JSON texts; "" for none).
func (c *client) initialize(caps, opts string) InitializeResult {
	c.t.Helper()
	params := map[string]any{"processId": nil, "rootUri": nil, "capabilities": json.RawMessage(orEmpty(caps, "{}"))}
	if opts != "" {
		params["initializationOptions"] = json.RawMessage(opts)
	}
	var res InitializeResult
	c.mustCall("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// orEmpty returns s, or def when s is "".
func orEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// open opens a document at version 1.
func (c *client) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "czql", Version: 1, Text: text}})
}

// change sends changes of a document.
func (c *client) change(uri string, version int32, changes ...TextDocumentContentChangeEvent) {
	c.t.Helper()
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{TextDocument: VersionedTextDocumentIdentifier{URI: uri, Version: version}, ContentChanges: changes})
}

// waitFor waits until cond, called with the lock held, is true.
func (c *client) waitFor(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.After(waitTime)
	for {
		c.mu.Lock()
		ok := cond()
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-c.changed:
		case <-deadline:
			c.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// diagnostics waits for the diagnostics of version of uri and returns
// them.
func (c *client) diagnostics(uri string, version int32) []Diagnostic {
	c.t.Helper()
	var found []Diagnostic
	c.waitFor("diagnostics of "+uri, func() bool {
		for i := len(c.diags) - 1; i >= 0; i-- {
			if p := c.diags[i]; p.URI == uri && p.Version != nil && *p.Version == version {
				found = p.Diagnostics
				return true
			}
		}
		return false
	})
	return found
}

// publishedCount returns how many publications of uri were received.
func (c *client) publishedCount(uri string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, p := range c.diags {
		if p.URI == uri {
			n++
		}
	}
	return n
}

// codes returns the codes of diagnostics, in order.
func codes(ds []Diagnostic) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Code
	}
	return out
}

// fileURI returns the URI of a file in dir.
func fileURI(dir, name string) string { return pathURI(filepath.Join(dir, name)) }

// writeFile writes a file of the test.
func writeFile(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
