package repl

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/czql/czql/lexer"
	"github.com/czql/czql/parser"
)

// editor is the line discipline of the interactive shell, apart from the
// terminal: it gathers the lines Enter hands it into statements, runs
// them and meta-commands, records them in the history, and says which
// prompt to show.
//
// A line that starts with a backslash on the first line is a
// meta-command. Otherwise lines accumulate; every statement a ';' ends
// runs at once, and an empty line runs what is pending unless the parser
// says it is unfinished (parser.Unfinished: inside a block comment or
// parentheses, no FROM yet, a trailing AND, '=' or ',').
type editor struct {
	s       *Session
	pending string   // the lines of the unfinished statement, each ending in "\n"
	hist    *history // nil without a history file
	stderr  io.Writer
	// run calls f with a context that Ctrl+C cancels.
	run func(f func(ctx context.Context))

	searching historySearch // Ctrl+R

	mu       sync.Mutex
	notes    []string // lines from background work, shown before the next output
	histFail bool     // a history failure has been reported
}

// newEditor returns an editor on s; run may be nil to call f with a
// background context.
func newEditor(s *Session, hist *history, stderr io.Writer, run func(func(context.Context))) *editor {
	if run == nil {
		run = func(f func(context.Context)) { f(context.Background()) }
	}
	return &editor{s: s, hist: hist, stderr: stderr, run: run}
}

// prompt returns the prompt for the next line (see Session.prompt).
func (e *editor) prompt() string { return e.s.prompt(e.pending) }

// clear drops the pending statement (Ctrl+C at the prompt).
func (e *editor) clear() { e.pending = "" }

// note queues a line for the next time output is shown; background
// goroutines use it so as not to write over the line being edited.
func (e *editor) note(line string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.notes = append(e.notes, line)
}

// flushNotes writes the queued notes.
func (e *editor) flushNotes() {
	e.mu.Lock()
	notes := e.notes
	e.notes = nil
	e.mu.Unlock()
	for _, n := range notes {
		fmt.Fprintln(e.stderr, n)
	}
}

// enter handles one line of input, as Enter hands it over.
func (e *editor) enter(line string) {
	e.flushNotes()
	blank := strings.TrimSpace(line) == ""
	switch {
	case e.pending == "" && blank:
		return
	case isEditLine(line) && !e.inComment(): // \e edits the pending statement
		e.remember(strings.TrimSpace(line))
		e.edit()
	case isMetaLine(line) && !e.inComment():
		e.runPending()
		e.meta(strings.TrimSpace(line))
	case psqlWord(line) != "" && !e.inComment():
		e.psqlWord(line)
	case blank:
		if !parser.Unfinished(e.pending) {
			e.runPending()
		}
	default:
		e.add(line)
	}
}

// psqlWord returns "exit", "quit" or "help" when line is that word alone
// (any case, a ';' and blanks allowed after it), as psql 11 and later
// recognise them; "" otherwise.
func psqlWord(line string) string {
	w := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), ";")))
	switch w {
	case "exit", "quit", "help":
		return w
	}
	return ""
}

// psqlWord handles exit, quit and help typed alone, as psql does: on an
// empty buffer exit and quit leave and help shows the meta-commands;
// inside a statement the line is part of it, and a hint says how to
// leave or get help.
func (e *editor) psqlWord(line string) {
	word := psqlWord(line)
	if e.pending == "" {
		if word == "help" {
			e.meta(`\help`)
		} else {
			e.s.metaQuit(context.Background(), "")
		}
		return
	}
	e.add(line)
	if word == "help" {
		fmt.Fprintln(e.stderr, `Use \help for help or press Ctrl+C to clear the input buffer.`)
	} else {
		fmt.Fprintln(e.stderr, `Use \q to quit.`)
	}
}

// isMetaLine reports whether line is a meta-command.
func isMetaLine(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), `\`)
}

// inComment reports whether the pending text ends inside a block
// comment, where a backslash is text.
func (e *editor) inComment() bool {
	for _, d := range lexer.Scan(e.pending).Diags {
		if d.Code == lexer.CodeUnterminatedComment {
			return true
		}
	}
	return false
}

// add appends line to the pending statement and runs the statements its
// ';' tokens end. What follows the last ';' stays pending unless it holds
// nothing but blanks and complete comments.
func (e *editor) add(line string) {
	e.pending += line + "\n"
	for !e.s.Quit() {
		end := statementEnd(e.pending)
		if end < 0 {
			break
		}
		stmt := e.pending[:end]
		e.pending = e.pending[end:]
		e.statement(stmt)
	}
	if !hasTokens(e.pending) && !e.inComment() {
		e.pending = ""
	}
}

// runPending runs the pending statement, if it holds any token.
func (e *editor) runPending() {
	stmt := e.pending
	e.pending = ""
	if hasTokens(stmt) && !onlySemicolons(stmt) {
		e.statement(stmt)
	}
}

// statement records and runs one statement. Its leading blank lines are
// dropped so that diagnostics count lines from its first.
func (e *editor) statement(stmt string) {
	stmt = strings.TrimLeft(stmt, " \t\r\n")
	if onlySemicolons(stmt) {
		return
	}
	e.remember(strings.TrimRight(stmt, " \t\r\n"))
	e.run(func(ctx context.Context) { e.s.ExecStatement(ctx, stmt) })
}

// meta records and runs a meta-command line.
func (e *editor) meta(line string) {
	e.remember(line)
	e.run(func(ctx context.Context) { e.s.ExecMeta(ctx, line) })
}

// remember appends entry to the history file; the first failure is
// reported, the later ones are not.
func (e *editor) remember(entry string) {
	if e.hist == nil {
		return
	}
	if err := e.hist.Add(entry); err != nil && !e.histFail {
		e.histFail = true
		fmt.Fprintf(e.stderr, "czql-repl: history not saved: %v\n", err)
	}
}
