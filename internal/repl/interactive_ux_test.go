//go:build unix

package repl

import (
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
