// Package tty is the terminal layer of czql-repl: it opens the controlling
// terminal, saves its state, switches it to the raw mode the line editor
// (github.com/c-bata/go-prompt) needs, reads no-echo passwords and reports
// the window size.
//
// The package exists because go-prompt v0.2.6 can leave the terminal
// without echo: its own parser saves the terminal state once per process,
// at the first Setup, and panics when the window size is unknown. A [TTY]
// instead saves the state when it is opened and always returns to that
// state: [TTY.TearDown], [TTY.Restore] and [TTY.Close] put back the termios
// settings and the blocking mode found at [Open], whatever happened in
// between. Restore is idempotent and safe to call from a signal handler
// goroutine, so the REPL calls it on every exit path.
//
// A TTY implements go-prompt's ConsoleParser (Setup, TearDown, Read,
// GetWinSize), so it is handed to go-prompt with prompt.OptionParser.
// Open uses its own open file description of /dev/tty: the non-blocking
// mode that Setup turns on does not leak to the shell's standard input.
//
// The package works on Linux and the BSDs (macOS included); it imports
// nothing of this module.
package tty
