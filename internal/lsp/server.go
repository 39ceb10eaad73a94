package lsp

import (
	"context"
	"io"
	"log"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// Options configure [Serve].
type Options struct {
	// Getenv reads the environment: CZQL_METADATA, CZQL_URL, CZQL_USER,
	// CZQL_API_KEY, XDG_CACHE_HOME and HOME. Nil means an empty one.
	Getenv func(string) string
	// Log receives the server's log (standard error); nil discards it.
	Log io.Writer
	// Debounce is the wait after an edit before the document is checked
	// again; 0 means [DefaultDebounce].
	Debounce time.Duration
	// Version is the server's version, reported to the client.
	Version string
}

// Serve runs the language server on the messages read from in, writing
// its messages to out, until the client sends exit, in ends or ctx is
// done. It returns the exit code the protocol asks for: 0 when the client
// asked for shutdown before the end, 1 otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) int {
	return newServer(opts).serve(ctx, in, out)
}

// serve runs the session of s on in and out.
func (s *server) serve(ctx context.Context, in io.Reader, out io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.ctx = ctx
	st := newStream(in, out, closers(in, out), s.log)
	conn := jsonrpc2.NewConn(ctx, st, s, jsonrpc2.SetLogger(s.log))
	s.setConn(conn)
	select {
	case <-conn.DisconnectNotify():
	case <-s.exited:
	case <-ctx.Done():
	}
	cancel()
	s.stopAll()
	conn.Close()
	if s.shutdownSeen() {
		return 0
	}
	return 1
}

// closers returns what closing the stream closes: in and out, those of
// them that are io.Closers.
func closers(in io.Reader, out io.Writer) io.Closer {
	var cs multiCloser
	if c, ok := in.(io.Closer); ok {
		cs = append(cs, c)
	}
	if c, ok := out.(io.Closer); ok && any(c) != any(in) {
		cs = append(cs, c)
	}
	return cs
}

// multiCloser closes each of its closers.
type multiCloser []io.Closer

// Close closes every closer and returns the first error.
func (m multiCloser) Close() error {
	var first error
	for _, c := range m {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// phase is where the server is in its life cycle.
type phase int

// The phases.
const (
	waiting  phase = iota // before initialize
	running               // after initialize
	stopping              // after shutdown
)

// server is the state of one language server session. The message
// handler runs on the connection's reading goroutine, one message at a
// time; documents are checked by their workers; requests to the client
// run on goroutines of their own.
type server struct {
	ctx      context.Context // the session's life
	log      *log.Logger
	getenv   func(string) string
	debounce time.Duration
	version  string
	exited   chan struct{} // closed by exit
	srcs     *sources
	workers  sync.WaitGroup

	regMu      sync.Mutex // held while watchers are registered
	registered int        // the watchSeq registered last; 0: none

	mu       sync.Mutex
	conn     *jsonrpc2.Conn
	phase    phase
	shutdown bool
	client   clientInfo
	root     string        // the workspace root directory, or ""
	init     userSettings  // from initializationOptions
	settings userSettings  // from workspace/configuration or didChangeConfiguration
	ready    chan struct{} // closed when the settings are known
	docs     map[string]*document
	total    int             // the bytes of the open documents
	notes    map[string]bool // the messages shown once
	watching []string        // the files the client watches for the server
	watchSeq int
}

// newServer returns a server in its waiting phase.
func newServer(opts Options) *server {
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	getenv := opts.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	debounce := opts.Debounce
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	return &server{
		ctx: context.Background(), log: log.New(logw, "", log.LstdFlags), getenv: getenv, debounce: debounce,
		version: opts.Version, exited: make(chan struct{}), srcs: newSources(getenv),
		ready: make(chan struct{}), docs: map[string]*document{}, notes: map[string]bool{},
	}
}

// setConn records the connection the server talks on.
func (s *server) setConn(c *jsonrpc2.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		s.conn = c
	}
}

// connection returns the connection, once set.
func (s *server) connection() *jsonrpc2.Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn
}

// shutdownSeen reports whether the client asked for shutdown.
func (s *server) shutdownSeen() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// notify sends a notification to the client; a failure is logged.
func (s *server) notify(method string, params any) {
	conn := s.connection()
	if conn == nil {
		return
	}
	if err := conn.Notify(s.ctx, method, params); err != nil && err != jsonrpc2.ErrClosed {
		s.log.Printf("czql lsp: sending %s: %v", method, err)
	}
}

// call sends a request to the client and waits for its answer. It must
// never run on the reading goroutine, which reads the answer.
func (s *server) call(method string, params, result any) error {
	conn := s.connection()
	if conn == nil {
		return jsonrpc2.ErrClosed
	}
	ctx, cancel := context.WithTimeout(s.ctx, clientCallTimeout)
	defer cancel()
	return conn.Call(ctx, method, params, result)
}

// showOnce shows a message once per key in the session (and logs it).
func (s *server) showOnce(key string, typ MessageType, msg string) {
	s.mu.Lock()
	seen := s.notes[key]
	s.notes[key] = true
	s.mu.Unlock()
	if seen {
		return
	}
	s.log.Printf("czql lsp: %s", msg)
	s.notify("window/showMessage", ShowMessageParams{Type: typ, Message: msg})
}

// stopAll stops every document's worker and waits for them.
func (s *server) stopAll() {
	s.mu.Lock()
	for _, d := range s.docs {
		d.w.halt()
	}
	s.mu.Unlock()
	s.workers.Wait()
}
