package repl

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	prompt "github.com/c-bata/go-prompt"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/sandbox"
)

// testEditor is an editor on a session against the test sandbox, with
// its output and history.
type testEditor struct {
	*editor
	stdout, stderr *bytes.Buffer
	hist           *history
}

// newTestEditor connects to the test sandbox and returns an editor on a
// new session with a history file in a temporary directory.
func newTestEditor(t *testing.T) *testEditor {
	t.Helper()
	env := map[string]string{"CZQL_URL": startSandbox(t), "CZQL_USER": sandbox.DemoUser, "CZQL_PASSWORD": sandbox.DemoPassword}
	var stdout, stderr bytes.Buffer
	conn, code := frontend.Connect(context.Background(), frontend.ConnectOptions{
		Stderr: &stderr, Getenv: func(k string) string { return env[k] }, MetadataPath: fixtureMetadataPath,
	})
	if code != frontend.ExitOK {
		t.Fatalf("connect: %d\n%s", code, stderr.String())
	}
	t.Cleanup(conn.Close)
	s := NewSession(Config{Client: conn.Client, Metadata: conn.Metadata, Stdout: &stdout, Stderr: &stderr, Origin: conn.Origin()})
	hist, err := openHistory(filepath.Join(t.TempDir(), "history"), 100)
	if err != nil {
		t.Fatal(err)
	}
	return &testEditor{newEditor(s, hist, &stderr, nil), &stdout, &stderr, hist}
}

func TestEditorGathersLinesIntoStatements(t *testing.T) {
	e := newTestEditor(t)
	if e.prompt() != promptFirst {
		t.Errorf("first prompt %q", e.prompt())
	}
	e.enter("SELECT Name")
	e.enter("FROM Task WHERE Priority =")
	e.enter("") // unfinished: waits for more
	if e.prompt() != promptContinue || e.stdout.Len() != 0 {
		t.Fatalf("prompt %q, output %q: an unfinished statement ran", e.prompt(), e.stdout.String())
	}
	e.enter("3")
	if e.stdout.Len() != 0 {
		t.Fatalf("a statement without ';' ran before the empty line: %q", e.stdout.String())
	}
	e.enter("")
	check(t, "stdout", e.stdout.String(), "Name\n----\nTest\n")
	if e.prompt() != promptFirst {
		t.Errorf("prompt after the run %q", e.prompt())
	}
	e.stdout.Reset()
	e.enter("SELECT Name FROM Task WHERE Priority = 3; SELECT Name FROM User WHERE Name = 'nobody'; -- done")
	check(t, "stdout", e.stdout.String(), "\nName\n----\nTest\n\nName\n----\n") // a blank line between results
	if e.prompt() != promptFirst {
		t.Errorf("a trailing comment left the statement pending: prompt %q", e.prompt())
	}
	want := []string{"SELECT Name\nFROM Task WHERE Priority =\n3", "SELECT Name FROM Task WHERE Priority = 3;", "SELECT Name FROM User WHERE Name = 'nobody';"}
	if got := e.hist.Entries(); !slices.Equal(got, want) {
		t.Errorf("history %q, want %q", got, want)
	}
}

func TestEditorMetaCommandsAndClear(t *testing.T) {
	e := newTestEditor(t)
	e.enter("  \\x on")
	if !strings.Contains(e.stderr.String(), "expanded display is on") {
		t.Errorf("stderr %q", e.stderr.String())
	}
	e.enter("SELECT Name FROM Task")
	e.clear() // Ctrl+C
	if e.prompt() != promptFirst {
		t.Errorf("Ctrl+C kept the pending statement")
	}
	e.enter("")
	if e.stdout.Len() != 0 {
		t.Errorf("a cleared statement ran: %q", e.stdout.String())
	}
	e.enter("/* a comment")
	e.enter("\\quit inside it */ SELECT Name FROM Task WHERE Priority = 3;")
	if e.s.Quit() || !strings.Contains(e.stdout.String(), "Test") {
		t.Errorf("a backslash inside a comment was taken as a meta-command; quit=%v, stdout %q", e.s.Quit(), e.stdout.String())
	}
	e.enter("\\quit")
	if !e.s.Quit() {
		t.Error(`\quit did not end the session`)
	}
}

func TestEditorShowsBackgroundNotesBeforeTheNextOutput(t *testing.T) {
	e := newTestEditor(t)
	e.note("czql-repl: fetched the metadata")
	if e.stderr.Len() != 0 {
		t.Fatal("a note was written at once")
	}
	e.enter("")
	check(t, "stderr", e.stderr.String(), "czql-repl: fetched the metadata\n")
}

// suggestions returns the texts go-prompt would offer with the cursor at
// the end of line, after the pending lines of e.
func suggestions(e *editor, line string) []string {
	b := prompt.NewBuffer()
	b.InsertText(line, false, true)
	var texts []string
	for _, s := range e.suggest(*b.Document()) {
		texts = append(texts, s.Text)
	}
	return texts
}

func TestEditorSuggestions(t *testing.T) {
	e := newTestEditor(t)
	for _, tc := range []struct {
		line  string
		first []string // the first suggestions, in order
	}{
		{"", nil},
		{"SELECT Name FROM Ta", []string{"Task"}},
		{"SELECT Name FROM Task WHERE Sta", []string{"StartDate", "State"}},
		{"SELECT Manager.Na", nil}, // no FROM yet
		{"SELECT Name FROM Task WHERE State = 'On H", []string{"Hold'"}},
		{"SELECT Name FROM Task WHERE State = 'Ac", []string{"'Active'"}},
		{`\desc`, []string{`\describe`}},
		{`\describe Tas`, []string{"Task"}},
		{`\x `, []string{"on", "off", "auto"}},
		{`\format j`, []string{"json", "jsonl"}},
		{`\translate SELECT Name FROM Ta`, []string{"Task"}},
		{`\nosuch `, nil},
	} {
		got := suggestions(e.editor, tc.line)
		if len(got) < len(tc.first) || !slices.Equal(got[:len(tc.first)], tc.first) || (tc.first == nil && got != nil) {
			t.Errorf("suggestions for %q = %q, want them to start with %q", tc.line, got, tc.first)
		}
	}
	e.enter("SELECT Name")
	if got := suggestions(e.editor, "FROM Task WHERE Sta"); len(got) == 0 || got[0] != "StartDate" {
		t.Errorf("on a continuation line: %q", got)
	}
	if got := suggestions(e.editor, `\desc`); len(got) != 0 {
		t.Errorf("a backslash inside a statement was completed as a meta-command: %q", got)
	}
}

func TestReplacement(t *testing.T) {
	for _, tc := range []struct {
		text             string
		start, wordStart int
		item, want       string
		ok               bool
	}{
		{"FROM Ta", 5, 5, "Task", "Task", true},
		{"= 'On H", 2, 6, "'On Hold'", "Hold'", true},
		{"= 'On H", 2, 6, "'Other'", "", false},
		{"= 'on h", 2, 6, "'On Hold'", "Hold'", true},
		{"x@Na", 1, 1, "@Name", "@Name", true},
		{"ab", 1, 0, "bc", "abc", true},
	} {
		got, ok := replacement(tc.text, tc.start, tc.wordStart, tc.item)
		if got != tc.want || ok != tc.ok {
			t.Errorf("replacement(%q, %d, %d, %q) = %q, %v; want %q, %v", tc.text, tc.start, tc.wordStart, tc.item, got, ok, tc.want, tc.ok)
		}
	}
}

// In the shell each statement runs with a context of its own, cancelled
// when it returns; \more must still continue the result afterwards, and
// a Ctrl+C during \more must cancel only that fetch: the next \more
// fetches the same page again.
func TestEditorMoreOutlivesTheStatementsContext(t *testing.T) {
	e := newTestEditor(t)
	e.run = func(f func(context.Context)) {
		ctx, cancel := context.WithCancel(context.Background())
		f(ctx)
		cancel()
	}
	e.enter("SELECT Name FROM User ORDER BY Name LIMIT 1;")
	e.enter(`\more`)
	if got := strings.Count(e.stderr.String(), "1 row, more available"); got != 2 {
		t.Fatalf("want two pages, got:\n%s\nstderr:\n%s", e.stdout.String(), e.stderr.String())
	}
	e.run = func(f func(context.Context)) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // Ctrl+C before the rows arrive
		f(ctx)
	}
	e.stdout.Reset()
	e.stderr.Reset()
	e.enter(`\more`)
	check(t, "cancelled \\more", e.stdout.String()+e.stderr.String(), "0 rows, interrupted, more available: \\more\n")
	e.run = func(f func(context.Context)) { f(context.Background()) }
	e.stdout.Reset()
	e.stderr.Reset()
	e.enter(`\more`)
	if !strings.HasPrefix(e.stderr.String(), "1 row") || strings.Count(e.stdout.String(), "\n") != 4 {
		t.Errorf("after a cancelled \\more the next one should show the page it missed:\n%s%s", e.stdout.String(), e.stderr.String())
	}
}

// As in psql 11 and later: exit and quit typed alone on an empty buffer
// leave, help shows the help; typed inside a statement they are part of
// it, with a hint.
func TestEditorExitQuitHelpAsPsql(t *testing.T) {
	for _, word := range []string{"exit", "quit", "  QUIT ", "exit;"} {
		e := newTestEditor(t)
		e.enter(word)
		if !e.s.Quit() || e.stdout.Len() != 0 || e.stderr.Len() != 0 {
			t.Errorf("%q on an empty buffer: quit %v, stdout %q, stderr %q", word, e.s.Quit(), e.stdout.String(), e.stderr.String())
		}
	}

	e := newTestEditor(t)
	e.enter("help")
	if e.s.Quit() || e.prompt() != promptFirst || !strings.HasPrefix(e.stdout.String(), "Statements end with ';'") {
		t.Errorf("help: quit %v, prompt %q, stdout:\n%s", e.s.Quit(), e.prompt(), e.stdout.String())
	}

	for word, hint := range map[string]string{
		"quit": "Use \\q to quit.\n",
		"exit": "Use \\q to quit.\n",
		"help": "Use \\help for help or press Ctrl+C to clear the input buffer.\n",
	} {
		e := newTestEditor(t)
		e.enter("SELECT Name")
		e.enter(word)
		if e.s.Quit() || e.prompt() != promptContinue || e.pending != "SELECT Name\n"+word+"\n" {
			t.Errorf("%s inside a statement: quit %v, prompt %q, pending %q", word, e.s.Quit(), e.prompt(), e.pending)
		}
		check(t, word+" inside a statement", e.stderr.String(), hint)
	}
}
