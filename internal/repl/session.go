package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/czql/czql"
	"github.com/czql/czql/api"
	"github.com/czql/czql/client"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/translate"
)

// Config is what a [Session] runs against and writes to.
type Config struct {
	Client   *client.Client     // the logged-in client
	Metadata *metadata.Metadata // what statements are validated against; nil to send them unchecked
	// Calls returns the number of API requests sent so far, for \timing;
	// nil counts none.
	Calls  func() int64
	Stdout io.Writer // results (unless \o redirects them)
	Stderr io.Writer // diagnostics, errors and notes
	Format string    // the initial result format; "" means table
	// Width returns the display width now (it follows a resized
	// terminal): tables wider than it have their widest values cut with
	// "…", and \x auto turns to vertical display. Nil, or 0, means
	// unlimited: nothing is cut and \x auto stays horizontal.
	Width func() int
	// Progress shows a row counter on Stderr while \all fetches (for a
	// terminal).
	Progress bool
	// Refresh loads the metadata again, for \refresh, and says where from;
	// nil when there is nowhere to load it from.
	Refresh func(ctx context.Context) (md *metadata.Metadata, note string, err error)
	// Project is the project configuration (.czql.yaml): the severity of
	// each rule in the diagnostics of statements; nil for none.
	Project *czql.Config
	// PagerCommand is the pager (run by sh -c) that shows a result with
	// more lines than Height gives, or wider than Width, while \pager is
	// on (the default); "" for none (results not on a terminal).
	PagerCommand string
	// Height returns the number of lines of the screen now; nil or 0
	// means unknown, and nothing is paged.
	Height func() int
	// Origin says which organisation the session is on, as whom, for the
	// prompt (%n@%m); the zero Origin gives the prompt "czql=> ".
	Origin frontend.Origin
}

// Session is the state of one shell. It is not safe for concurrent use.
type Session struct {
	cfg      Config
	out      io.Writer // where results go: cfg.Stdout or the \o file
	file     *os.File  // the \o file, if any
	format   string
	expanded string // "off", "on" or "auto"
	timing   bool
	paging   bool   // \pager: results that do not fit the screen go through cfg.PagerCommand
	pager    *pager // the result \more and \all continue, if any
	shown    bool   // a table or CSV result was written: the next one follows a blank line
	failed   bool
	quit     bool
	now      func() time.Time
	md       atomic.Pointer[metadata.Metadata]
	vars     map[string]string // the \set variables, PROMPT1 and PROMPT2 among them
	last     string            // the text of the last statement run, for \watch and \e
}

// NewSession returns a session on cfg with the table format (or
// cfg.Format), expanded display auto (vertical when a table is wider
// than the display), the pager on and timing off.
func NewSession(cfg Config) *Session {
	if cfg.Format == "" {
		cfg.Format = "table"
	}
	p := defaultPromptFor(cfg.Origin)
	s := &Session{cfg: cfg, out: cfg.Stdout, format: cfg.Format, expanded: "auto", paging: true, now: time.Now,
		vars: map[string]string{prompt1Var: p, prompt2Var: p}}
	s.md.Store(cfg.Metadata)
	return s
}

// SetMetadata replaces the metadata statements are validated against
// (after a background fetch). It is safe to call while the session runs.
func (s *Session) SetMetadata(md *metadata.Metadata) { s.md.Store(md) }

// Metadata returns the metadata statements are validated against, or nil.
func (s *Session) Metadata() *metadata.Metadata { return s.md.Load() }

// width returns the display width; 0 means unlimited.
func (s *Session) width() int {
	if s.cfg.Width == nil {
		return 0
	}
	return max(s.cfg.Width(), 0)
}

// Failed reports whether any statement or meta-command has failed.
func (s *Session) Failed() bool { return s.failed }

// Quit reports whether \quit was given.
func (s *Session) Quit() bool { return s.quit }

// Close ends the pending result and closes the \o file, if any.
func (s *Session) Close() error {
	s.dropPager()
	return s.closeFile()
}

// errorf reports a failure on standard error and marks the session
// failed.
func (s *Session) errorf(format string, args ...any) {
	s.failed = true
	fmt.Fprintf(s.cfg.Stderr, "czql-repl: "+format+"\n", args...)
}

// notef writes a note on standard error.
func (s *Session) notef(format string, args ...any) {
	fmt.Fprintf(s.cfg.Stderr, format+"\n", args...)
}

// ExecStatement validates, translates and runs the statements of text
// (normally one, ending with ';'), printing each result's first page.
// Diagnostics are shown with source snippets, and nothing is sent when
// any is an error. Failures are reported and remembered ([Session.Failed]).
func (s *Session) ExecStatement(ctx context.Context, text string) {
	start, calls := s.now(), s.calls()
	s.last = text
	reqs, code := s.prepare(text)
	if code != frontend.ExitOK {
		s.failed = true
		return
	}
	for _, req := range reqs {
		s.dropPager()
		s.pager = newPager(s.cfg.Client, req.Body)
		if !s.showPage(ctx, api.PageSize(req.Body)) {
			break
		}
	}
	s.reportTiming(start, calls)
}

// stdinName names the statements in diagnostics.
const stdinName = "<stdin>"

// prepare checks and translates the statements of text through the
// library's one pipeline, against the session's metadata and with its
// project configuration, as `czql run` does; the diagnostics go to
// standard error.
func (s *Session) prepare(text string) ([]*translate.Request, int) {
	return frontend.Prepare(s.cfg.Stderr, stdinName, []byte(text),
		czql.WithMetadata(s.Metadata()), czql.WithConfig(s.cfg.Project), czql.WithParamLiterals(s.params()), czql.WithParamHint(setHint))
}

// calls returns the API calls sent so far.
func (s *Session) calls() int64 {
	if s.cfg.Calls == nil {
		return 0
	}
	return s.cfg.Calls()
}

// reportTiming writes the time and API calls since start when \timing is
// on.
func (s *Session) reportTiming(start time.Time, calls int64) {
	if !s.timing {
		return
	}
	n := s.calls() - calls
	unit := "calls"
	if n == 1 {
		unit = "call"
	}
	ms := float64(s.now().Sub(start).Microseconds()) / 1000
	s.notef("Time: %.3f ms, %d API %s", ms, n, unit)
}
