//go:build unix

package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The first screen names the organisation and the metadata, and the
// prompt names the user and the host: demo@sandbox on the embedded
// sandbox. PROMPT1 changes with \set.
func TestTerminalFirstScreenNamesTheOrganisation(t *testing.T) {
	url, _ := slowServer(t)
	term := shellArgs(t, url, t.TempDir(), []string{"--sandbox"})
	term.Expect("czql-repl: connected to demo@sandbox (the embedded sandbox's demo organisation); metadata: embedded demo metadata\n", wait)
	term.Expect("Try:", wait)
	term.Expect("demo@sandbox=> ", wait)
	term.Send("SELECT Name\r")
	term.Expect("demo@sandbox-> ", wait)
	term.Send("FROM Task LIMIT 1;\r")
	term.Expect("1 row", wait)
	term.Send("\\set PROMPT1 '%n at %M> '\r")
	term.Expect("demo at sandbox> ", wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}

// On an organisation with cached metadata the first screen gives the
// cache's date and age.
func TestTerminalFirstScreenGivesTheMetadataAge(t *testing.T) {
	url, _ := slowServer(t)
	state := t.TempDir()
	term := shellArgs(t, url, state, nil)
	term.Expect(promptFirst, wait)
	term.Send("\\refresh\r") // fetches the metadata into the cache
	term.Expect("fetched the metadata", wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)

	term = shellArgs(t, url, state, nil)
	term.ExpectRegexp(`connected to demo@127\.0\.0\.1:\d+; metadata: cache of \d{4}-\d\d-\d\d \d\d:\d\d, just now\n`, wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}

// A result with more lines than the screen goes through PAGER; one that
// fits does not, and \pager off turns the pager off.
func TestTerminalPagesLongResults(t *testing.T) {
	url, _ := slowServer(t)
	term := shell(t, url, t.TempDir(), "PAGER=sed 's/^/PAGED: /'")
	term.Expect(promptFirst, wait)
	term.Resize(120, 12)
	term.Send("\\x on\r") // five tasks: 15 lines
	term.Expect("expanded display is on", wait)
	term.Send("SELECT Name, Priority FROM Task ORDER BY Name;\r")
	term.ExpectRegexp(`PAGED: -\[ RECORD 1 \]\nPAGED: Name +\| \+Review, "final"\n`, wait)
	term.Expect("5 rows", wait)
	term.Expect(promptFirst, wait)
	term.Send("SELECT Name, Priority FROM Task WHERE Name = 'Build';\r")
	term.ExpectRegexp(`\n-\[ RECORD 1 \]\nName +\| Build\n`, wait)
	term.Send("\\pager off\r")
	term.Expect("pager is off", wait)
	term.Send("SELECT Name, Priority FROM Task ORDER BY Name;\r")
	term.ExpectRegexp(`\n-\[ RECORD 1 \]\nName +\| \+Review, "final"\n`, wait)
	term.Expect("5 rows", wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
	if n := strings.Count(term.Output(), "PAGED: -[ RECORD 1 ]"); n != 1 {
		t.Errorf("the pager ran %d times, want 1:\n%s", n, term.Output())
	}
}

// \e opens the last statement in $EDITOR and runs what the editor left;
// with a statement pending it edits that one.
func TestTerminalEditsTheLastStatement(t *testing.T) {
	url, _ := slowServer(t)
	script := filepath.Join(t.TempDir(), "edit.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nsed -i 's/Priority = 2/Priority = 3/' \"$1\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	term := shell(t, url, t.TempDir(), "EDITOR="+script, "VISUAL=")
	term.Expect(promptFirst, wait)
	term.Send("SELECT Name FROM Task WHERE Priority = 2 AND Name = 'Test';\r")
	term.Expect("0 rows", wait)
	term.Send("\\e\r")
	term.ExpectRegexp(`Name\n-+\nTest\n1 row\n`, wait)
	term.Send("SELECT Priority FROM Task\r")
	term.Expect(promptContinue, wait)
	term.Send("WHERE Priority = 2 AND Name = 'Test'\r")
	term.Send("\\e\r")
	term.ExpectRegexp(`Priority\n-+\n3\n1 row\n`, wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}

// \i runs a file's statements and meta-commands; ~ is the home
// directory.
func TestTerminalIncludesAFile(t *testing.T) {
	url, _ := slowServer(t)
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "q.czql"), []byte("\\timing on\nSELECT Name\nFROM Task WHERE Priority = 3;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	term := shell(t, url, t.TempDir(), "HOME="+home)
	term.Expect(promptFirst, wait)
	term.Send("\\i ~/q.czql\r")
	term.ExpectRegexp(`Name\n-+\nTest\n1 row\nTime: [0-9.]+ ms, 1 API call\n`, wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}

// Ctrl+C stops \watch and the prompt comes back.
func TestTerminalWatchStopsOnCtrlC(t *testing.T) {
	url, _ := slowServer(t)
	term := shell(t, url, t.TempDir())
	term.Expect(promptFirst, wait)
	term.Send("SELECT Name FROM Task WHERE Priority = 3;\r")
	term.Expect("1 row", wait)
	term.Send("\\watch 0.1\r")
	for range 2 {
		term.Expect("(every 100ms; Ctrl+C stops)", wait)
		term.Expect("1 row", wait)
	}
	term.Send("\x03")
	term.Expect("Cancelled.", wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}

// Ctrl+R puts the newest history entry holding the typed text on the
// line, a second Ctrl+R the next older one; Enter runs it.
func TestTerminalCtrlRSearchesTheHistory(t *testing.T) {
	url, _ := slowServer(t)
	term := shell(t, url, t.TempDir())
	term.Expect(promptFirst, wait)
	term.Send("SELECT Priority FROM Task WHERE Priority = 3;\r")
	term.Expect("1 row", wait)
	term.Send("SELECT Name FROM Task WHERE Priority = 3;\r")
	term.Expect("1 row", wait)
	term.Send("SELECT 1 FROM Task;\r") // an error, still in the history
	term.Expect(promptFirst, wait)
	waitRaw(t, term)
	term.Send("prio\x12\x12") // Ctrl+R twice: past the newest match
	term.Send("\r")
	term.ExpectRegexp(`Priority\n-+\n3\n1 row\n`, wait)
	term.Expect(promptFirst, wait)
	term.Send("\\q\r")
	checkCleanExit(t, term)
}
