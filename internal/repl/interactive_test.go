//go:build unix

package repl

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/czql/czql/internal/ptytest"
	"github.com/czql/czql/sandbox"
)

// childEnv makes the test binary run czql-repl's Main instead of the
// tests, so that a test can start the shell on a pseudo-terminal.
const childEnv = "CZQL_REPL_TEST_CHILD"

// panicEnv makes the child shell panic when the text being edited ends
// with "panic!" (while the terminal is in raw mode).
const panicEnv = "CZQL_REPL_TEST_PANIC"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if os.Getenv(panicEnv) == "1" {
			testHook = func(text string) {
				if strings.HasSuffix(text, "panic!") {
					panic("a test panic")
				}
			}
		}
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// slowMarker is the value that makes the test server hang until the
// client gives up: a query for it stands for a slow query.
const slowMarker = "slow-query-marker"

// The user of the password prompt test, with a password that appears
// nowhere else.
const (
	promptUser     = "ann"
	promptPassword = "hunter2-zq"
)

// wait is how long a test waits for the shell to show something.
const wait = 15 * time.Second

// slowServer serves the small organisation on 127.0.0.1:0; a request
// whose body holds slowMarker is answered only when the client cancels
// it, and is reported on the returned channel when it arrives.
func slowServer(t *testing.T) (url string, slow <-chan struct{}) {
	t.Helper()
	md, data := smallOrganisation(t)
	srv, err := sandbox.New(sandbox.Options{
		Metadata: md, Data: data, RateLimit: -1,
		Users: map[string]string{sandbox.DemoUser: sandbox.DemoPassword, promptUser: promptPassword},
	})
	if err != nil {
		t.Fatal(err)
	}
	arrived := make(chan struct{}, 4)
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if bytes.Contains(body, []byte(slowMarker)) {
			arrived <- struct{}{}
			<-r.Context().Done()
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return hs.URL + "/v2.0/services", arrived
}

// shell starts czql-repl on a 120×40 pseudo-terminal against url, with
// its state directory (history) in state; extra adds to or overrides
// the environment.
func shell(t *testing.T, url, state string, extra ...string) *ptytest.Term {
	t.Helper()
	return shellArgs(t, url, state, []string{"--metadata", fixtureMetadataPath}, extra...)
}

// shellArgs is shell with the command-line arguments given.
func shellArgs(t *testing.T, url, state string, args []string, extra ...string) *ptytest.Term {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a process on a pseudo-terminal")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(),
		childEnv+"=1", "TERM=xterm", "NO_COLOR=1", "CZQL_HISTFILE=",
		"CZQL_URL="+url, "CZQL_USER="+sandbox.DemoUser, "CZQL_PASSWORD="+sandbox.DemoPassword,
		"HOME="+t.TempDir(), "XDG_CACHE_HOME="+filepath.Join(state, "cache"), "XDG_STATE_HOME="+state,
	)
	cmd.Env = append(cmd.Env, extra...)
	return ptytest.Start(t, cmd, 120, 40)
}

// waitRaw waits until go-prompt has put the terminal in raw mode again
// after drawing a prompt (it draws first): a Ctrl+C typed before that is
// a signal nobody handles, and a Ctrl+D an end of file the kernel eats.
func waitRaw(t *testing.T, term *ptytest.Term) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !ptytest.HasSetting(term.Stty(), "-icanon") {
		if time.Now().After(deadline) {
			t.Fatalf("the terminal never went back to raw mode:\n%s", term.Output())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkTerminalRestored checks that the terminal echoes input and is in
// canonical mode again after the shell ended.
func checkTerminalRestored(t *testing.T, term *ptytest.Term) {
	t.Helper()
	stty := term.Stty()
	for _, want := range []string{"echo", "icanon", "isig", "icrnl"} {
		if !ptytest.HasSetting(stty, want) {
			t.Errorf("the terminal lacks %q after the shell ended:\n%s", want, stty)
		}
	}
}

// checkCleanExit waits for the shell to end with exit code 0 and checks
// the terminal was restored.
func checkCleanExit(t *testing.T, term *ptytest.Term) {
	t.Helper()
	if code := term.Wait(wait); code != ExitOK {
		t.Errorf("exit code %d, want 0\n%s", code, term.Output())
	}
	checkTerminalRestored(t, term)
}

// historyFile returns the history file the shell wrote under state.
func historyFile(t *testing.T, state string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(state, "czql", "history"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The acceptance scenario: type a query, complete a field name with Tab,
// run it, cancel a slow query with Ctrl+C, exit with Ctrl+D, and find the
// terminal echoing again.
func TestTerminalSession(t *testing.T) {
	url, slow := slowServer(t)
	state := t.TempDir()
	term := shell(t, url, state)
	term.Expect("Try:", wait)
	term.Expect(promptFirst, wait)

	// The FROM comes after the cursor: type it, go back, complete.
	term.Send("SELECT Pri FROM Task WHERE Priority = 3")
	term.Send("\x01" + strings.Repeat("\x1b[C", len("SELECT Pri")))
	term.Expect("Priority", wait) // the menu offers the field
	term.Send("\t")               // select it
	term.Send(", Name")
	term.Send("\x05;\r") // Ctrl+E: the end of the line; then run
	term.ExpectRegexp(`Priority\s+Name\n-+\s+-+\n3\s+Test\n`, wait)
	term.Expect("1 row", wait)

	// A slow query: Ctrl+C cancels the request and the prompt comes back.
	term.Send("SELECT Name FROM Task WHERE Name = '" + slowMarker + "';\r")
	select {
	case <-slow:
	case <-time.After(wait):
		t.Fatalf("the slow query never reached the server:\n%s", term.Output())
	}
	// The shell listens for SIGINT before it sends the request.
	term.Send("\x03")
	term.Expect("Cancelled.", wait)
	term.Expect(promptFirst, wait)

	// The session goes on.
	term.Send("SELECT Name FROM Task WHERE Priority = 3;\r")
	term.ExpectRegexp(`Name\n-+\nTest\n`, wait)

	term.Expect(promptFirst, wait)
	waitRaw(t, term)
	term.Send("\x04") // Ctrl+D on an empty line
	checkCleanExit(t, term)

	hist := historyFile(t, state)
	want := "SELECT Priority, Name FROM Task WHERE Priority = 3;\n" +
		"SELECT Name FROM Task WHERE Name = '" + slowMarker + "';\n" +
		"SELECT Name FROM Task WHERE Priority = 3;\n"
	if hist != want {
		t.Errorf("history file:\n%s\nwant:\n%s", hist, want)
	}
}

// Multi-line input: Enter continues an unfinished statement with the
// continuation prompt; an empty line runs a complete one; Ctrl+C drops
// the pending lines; \quit ends the session.
func TestTerminalMultiLine(t *testing.T) {
	url, _ := slowServer(t)
	state := t.TempDir()
	term := shell(t, url, state)
	term.Expect(promptFirst, wait)
	term.Send("SELECT Name\r")
	term.Expect(promptContinue, wait)
	term.Send("FROM Task\r")
	term.Expect(promptContinue, wait)
	term.Send("WHERE Priority =\r")
	term.Expect(promptContinue, wait)
	term.Send("\r") // unfinished: an empty line does not run it
	term.Expect(promptContinue, wait)
	term.Send("3\r")
	term.Expect(promptContinue, wait)
	term.Send("\r")
	term.ExpectRegexp(`Name\n-+\nTest\n1 row\n`, wait)
	term.Expect(promptFirst, wait)

	term.Send("SELECT Name\r")
	term.Expect(promptContinue, wait)
	waitRaw(t, term)
	term.Send("\x03") // drop it
	term.Expect(promptFirst, wait)
	term.Send("\\quit\r")
	checkCleanExit(t, term)
	hist := historyFile(t, state)
	if want := "SELECT Name\\nFROM Task\\nWHERE Priority =\\n3\n\\\\quit\n"; hist != want {
		t.Errorf("history file:\n%s\nwant:\n%s", hist, want)
	}
}

// Without CZQL_PASSWORD the password is asked without echo, and it never
// reaches the screen or the history.
func TestTerminalPasswordPrompt(t *testing.T) {
	url, _ := slowServer(t)
	state := t.TempDir()
	term := shell(t, url, state, "CZQL_USER="+promptUser, "CZQL_PASSWORD=")
	term.Expect("Password for "+promptUser+" at 127.0.0.1:", wait)
	term.Send(promptPassword + "\r")
	annPrompt := promptUser + "@127.0.0.1=> " // the prompt names the user logged in
	term.Expect(annPrompt, wait)
	term.Send("\\describe Task\r")
	term.Expect("Manager", wait)
	term.Expect(annPrompt, wait)
	waitRaw(t, term)
	term.Send("\x04")
	checkCleanExit(t, term)
	if strings.Contains(term.Raw(), promptPassword) {
		t.Errorf("the password was shown:\n%s", term.Output())
	}
	if hist := historyFile(t, state); strings.Contains(hist, promptPassword) {
		t.Errorf("the password reached the history:\n%s", hist)
	}
}

// A termination signal at the prompt (go-prompt's exit path) and a
// hang-up leave the terminal restored too.
func TestTerminalRestoredOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			url, _ := slowServer(t)
			term := shell(t, url, t.TempDir())
			term.Expect(promptFirst, wait)
			term.Send("SELECT Name FROM Task WHERE Pri")
			term.Expect("Priority", wait)
			term.Signal(sig)
			if code, want := term.Wait(wait), 128+int(sig); code != want && code != 0 && code != 1 {
				t.Errorf("exit code %d, want %d (or go-prompt's 0 or 1)", code, want)
			}
			checkTerminalRestored(t, term)
		})
	}
}

// Without cached metadata the shell fetches it in the background, says so
// when it arrives, and validates from then on; \refresh fetches it again
// into the cache.
func TestTerminalFetchesMetadataInTheBackground(t *testing.T) {
	url, _ := slowServer(t)
	state := t.TempDir()
	term := shellArgs(t, url, state, nil)
	term.Expect("fetching it in the background", wait)
	term.Expect(promptFirst, wait)
	deadline := time.Now().Add(wait)
	for !strings.Contains(term.Output(), "fetched the metadata of 56 entities") {
		if time.Now().After(deadline) {
			t.Fatalf("the metadata never arrived:\n%s", term.Output())
		}
		term.Send("\r") // the note shows at the next Enter
		time.Sleep(100 * time.Millisecond)
	}
	term.Send("SELECT Nmae FROM Task;\r")
	term.Expect(`error[unknown-field]: entity "Task" has no field "Nmae"`, wait)
	term.Expect(`did you mean "Name"?`, wait)
	term.Send("\\refresh\r")
	term.Expect("fetched the metadata of 56 entities", wait)
	term.Expect(promptFirst, wait)
	waitRaw(t, term)
	term.Send("\x04")
	checkCleanExit(t, term)
	caches, _ := filepath.Glob(filepath.Join(state, "cache", "czql", "metadata", "*.cache"))
	if len(caches) != 1 {
		t.Errorf("metadata caches: %v", caches)
	}
}

// A panic while the editor has the terminal in raw mode still leaves it
// restored.
func TestTerminalRestoredOnPanic(t *testing.T) {
	url, _ := slowServer(t)
	term := shell(t, url, t.TempDir(), panicEnv+"=1")
	term.Expect(promptFirst, wait)
	term.Send("SELECT panic!")
	term.Expect("panic: a test panic", wait)
	if code := term.Wait(wait); code != 2 {
		t.Errorf("exit code %d, want 2 (a panic)", code)
	}
	checkTerminalRestored(t, term)
}

// On a dumb terminal (TERM=dumb) there is no editor: statements are read
// line by line as from a pipe, and nothing but text is written.
func TestDumbTerminalReadsStatementsPlainly(t *testing.T) {
	url, _ := slowServer(t)
	term := shell(t, url, t.TempDir(), "TERM=dumb")
	term.Send("SELECT Name FROM Task\r")
	term.Send("WHERE Priority = 3;\r")
	term.ExpectRegexp(`Name\n-+\nTest\n1 row\n`, wait)
	term.Send("\x04")
	checkCleanExit(t, term)
	if raw := term.Raw(); strings.Contains(raw, "\x1b[") {
		t.Errorf("escape sequences on a dumb terminal:\n%q", raw)
	}
}

// A character device that is not a terminal (/dev/null, as under cron or
// CI) is read like a pipe: zero statements, exit 0. The shell runs in a
// session of its own, without a controlling terminal, as under cron.
func TestNonTerminalDeviceReadsNoStatements(t *testing.T) {
	url, _ := slowServer(t)
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	cmd := exec.Command(os.Args[0], "--metadata", fixtureMetadataPath)
	cmd.Env = append(os.Environ(), childEnv+"=1", "TERM=xterm", "CZQL_HISTFILE=",
		"CZQL_URL="+url, "CZQL_USER="+sandbox.DemoUser, "CZQL_PASSWORD="+sandbox.DemoPassword,
		"HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = null, &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Run(); cmd.ProcessState == nil {
		t.Fatal(err)
	}
	if code := cmd.ProcessState.ExitCode(); code != ExitOK {
		t.Fatalf("exit code %d, want 0\nstderr:\n%s", code, stderr.String())
	}
	if stdout.Len() != 0 || strings.Contains(stderr.String(), "terminal") {
		t.Errorf("stdout %q, stderr %q: want no output and no terminal", stdout.String(), stderr.String())
	}
}

// \q and \quit end the line of the prompt, as psql does: the shell's next
// prompt starts on a line of its own, not after "czql=> ". exit and quit
// typed alone leave as they do (psql 11 and later).
func TestTerminalQuitEndsTheLine(t *testing.T) {
	for _, quit := range []string{`\q`, `\quit`, "exit", "quit"} {
		t.Run(quit, func(t *testing.T) {
			url, _ := slowServer(t)
			term := shell(t, url, t.TempDir())
			term.Expect(promptFirst, wait)
			term.Send(quit + "\r")
			checkCleanExit(t, term)
			raw := term.Raw()
			last := raw[strings.LastIndex(raw, promptFirst)+len(promptFirst):]
			if !strings.HasSuffix(ptytest.Strip(last), "\n") {
				t.Errorf("the output ends on the prompt's line: %q", raw[max(0, len(raw)-200):])
			}
			after := ptytest.Strip(raw[strings.LastIndex(raw, quit)+len(quit):])
			if strings.Contains(after, strings.TrimSpace(promptFirst)) {
				t.Errorf("a prompt is drawn after %s: %q", quit, after)
			}
		})
	}
}

// Ctrl+C while \all fetches shows the rows that arrived and keeps the
// result: \more goes on from the page that did not arrive.
func TestTerminalCtrlCDuringAllKeepsTheResult(t *testing.T) {
	url, stalled := stallingServer(t, 3)
	term := shell(t, url, t.TempDir())
	term.Expect(promptFirst, wait)
	term.Send("SELECT Name FROM Task ORDER BY Name LIMIT 1;\r")
	term.Expect("1 row, more available", wait)
	term.Expect(promptFirst, wait)
	term.Send("\\all\r")
	select {
	case <-stalled:
	case <-time.After(wait):
		t.Fatalf("\\all never asked for the 4th row:\n%s", term.Output())
	}
	term.Send("\x03")
	term.ExpectRegexp(`Name\n-+\nBuild\nDesign\n2 rows, interrupted, more available: \\more\n`, wait)
	term.Expect(promptFirst, wait)
	term.Send("\\more\r")
	term.ExpectRegexp(`Name\n-+\nShip\n1 row, more available: \\more\n`, wait)
	term.Expect(promptFirst, wait)
	waitRaw(t, term)
	term.Send("\x04")
	checkCleanExit(t, term)
}
