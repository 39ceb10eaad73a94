package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	prompt "github.com/c-bata/go-prompt"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/repl/complete"
	"github.com/czql/czql/internal/tty"
)

// testHook, when a test sets it, sees the text of every line entered and
// of every completion request before the editor does (tests use it to
// make the shell panic in the middle of the editor's raw mode).
var testHook func(text string)

// historyLimit is how many statements the history keeps.
const historyLimit = 1000

// interactive runs the shell on the terminal: a go-prompt editor with
// completion, multi-line statements and history. The terminal's state is
// saved first and put back on every way out: the end of the session, a
// panic, or a signal that ends the process.
func interactive(f *flags, stdout, stderr io.Writer, getenv func(string) string) int {
	t, err := tty.Open()
	if err != nil {
		fmt.Fprintf(stderr, "czql-repl: cannot use the terminal: %v\n", err)
		return ExitUsage
	}
	defer t.Close() // restores the terminal, also when a panic unwinds
	stopWatching := restoreOnSignals(t)
	defer stopWatching()
	return session(t, f, stdout, stderr, getenv)
}

// session connects, then edits and runs statements until Ctrl+D or
// \quit.
func session(t *tty.TTY, f *flags, stdout, stderr io.Writer, getenv func(string) string) int {
	ctx := context.Background()
	project, ok := loadProject(f.config, stderr)
	if !ok {
		return ExitUsage
	}
	conn, code := frontend.Connect(ctx, frontend.ConnectOptions{
		Stderr: stderr, Getenv: getenv, Sandbox: f.sandbox, MetadataPath: f.metadataPath(project),
		AskPassword:   func() (string, error) { return t.ReadPassword(passwordPrompt(getenv)) },
		DeferMetadata: true,
	})
	if code != frontend.ExitOK {
		return ExitUsage
	}
	defer conn.Close()
	s := NewSession(Config{
		Client: conn.Client, Metadata: conn.Metadata, Calls: conn.Calls,
		Stdout: stdout, Stderr: stderr, Format: f.format, Progress: true,
		Width:   tableWidth(t, stdout),
		Refresh: conn.RefreshMetadata, Project: project, Origin: conn.Origin(),
	})
	if onTerminal(stdout) {
		s.cfg.PagerCommand = pagerCommand(getenv)
		s.cfg.Height = func() int { _, rows := t.Size(); return rows }
	}
	defer s.Close()
	if !s.setFlagVars(f.vars) {
		return ExitUsage
	}
	go complete.Prepare(s.Metadata()) // ready before the first keystroke needs it
	hist := loadHistory(getenv, stderr)
	ed := newEditor(s, hist, stderr, cancellable(ctx, stderr))
	io.WriteString(stderr, originLine(conn.Origin(), s.Metadata(), time.Now()))
	if conn.MetadataMissing {
		fetchInBackground(ctx, conn, s, ed, stderr)
	}
	welcome(stderr)
	enter, suggest := ed.enter, ed.suggest
	if testHook != nil {
		enter = func(line string) { testHook(line); ed.enter(line) }
		suggest = func(d prompt.Document) []prompt.Suggest { testHook(d.Text); return ed.suggest(d) }
	}
	p := prompt.New(enter, suggest, promptOptions(t, ed, hist, s.Quit)...)
	p.Run()
	return ExitOK
}

// promptOptions configures go-prompt: our terminal layer, the prompts,
// the history, the completion word boundaries, Ctrl+C dropping the
// pending statement, Ctrl+R searching the history, and the end of the
// session.
func promptOptions(t *tty.TTY, ed *editor, hist *history, done func() bool) []prompt.Option {
	return []prompt.Option{
		prompt.OptionParser(t),
		prompt.OptionWriter(editorWriter()),
		prompt.OptionPrefix(ed.prompt()),
		// go-prompt draws the next prompt before it sees \quit: after it
		// the prompt is empty, so that the shell's prompt starts on a line
		// of its own, as after psql.
		prompt.OptionLivePrefix(func() (string, bool) {
			if done() {
				return "", true
			}
			return ed.prompt(), true
		}),
		prompt.OptionHistory(recallable(hist)),
		prompt.OptionCompletionWordSeparator(wordSeparators),
		prompt.OptionMaxSuggestion(8),
		prompt.OptionAddKeyBind(prompt.KeyBind{Key: prompt.ControlC, Fn: func(*prompt.Buffer) { ed.clear() }}),
		prompt.OptionAddKeyBind(prompt.KeyBind{Key: prompt.ControlR, Fn: ed.search}),
		prompt.OptionSetExitCheckerOnInput(func(_ string, afterEnter bool) bool { return afterEnter && done() }),
	}
}

// recallable returns the history entries as go-prompt's one-line buffer
// can recall them: on one line, and a statement with its ';' so that
// Enter runs it.
func recallable(hist *history) []string {
	if hist == nil {
		return nil
	}
	var lines []string
	for _, h := range hist.Entries() {
		line := historyOneLine(h)
		if !isMetaLine(line) && !strings.HasSuffix(line, ";") {
			line += ";"
		}
		lines = append(lines, line)
	}
	return lines
}

// tableWidth is the width tables are fitted to: the terminal's, as it is
// now, when the results go to it; unlimited when they go to a file.
func tableWidth(t *tty.TTY, stdout io.Writer) func() int {
	if !onTerminal(stdout) {
		return func() int { return 0 }
	}
	return func() int { cols, _ := t.Size(); return cols }
}

// onTerminal reports whether w is a terminal.
func onTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && tty.IsTerminal(f.Fd())
}

// editorWriter is where go-prompt draws: editorFile.
func editorWriter() prompt.ConsoleWriter {
	if editorFile() == os.Stdout {
		return prompt.NewStdoutWriter()
	}
	return prompt.NewStderrWriter()
}

// editorFile is where the editor is drawn: standard output when it is a
// terminal, else standard error (results may go to a file).
func editorFile() *os.File {
	if tty.IsTerminal(os.Stdout.Fd()) {
		return os.Stdout
	}
	return os.Stderr
}

// cancellable returns the runner of statements: Ctrl+C (SIGINT, since
// the terminal is in its normal mode while a statement runs) cancels the
// statement's context, and the prompt comes back.
func cancellable(parent context.Context, stderr io.Writer) func(func(context.Context)) {
	return func(f func(context.Context)) {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt)
		defer signal.Stop(sigs)
		var interrupted atomic.Bool
		done := make(chan struct{})
		go func() {
			select {
			case <-sigs:
				interrupted.Store(true)
				cancel()
			case <-done:
			}
		}()
		f(ctx)
		close(done)
		if interrupted.Load() {
			fmt.Fprintln(stderr, "\nCancelled.")
		}
	}
}

// endSignals are the signals that end the shell at once (a Ctrl+C is
// not one of them): the terminal is put back before the process exits.
// go-prompt handles SIGTERM and SIGQUIT itself only while it reads keys,
// and SIGHUP not at all.
var endSignals = []os.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGQUIT}

// restoreOnSignals puts the terminal back and exits with 128 plus the
// signal's number on any of endSignals; it returns the function that
// stops watching.
func restoreOnSignals(t *tty.TTY) func() {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, endSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			t.Restore()
			os.Exit(128 + int(sig.(syscall.Signal)))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
