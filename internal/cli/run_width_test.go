//go:build unix

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/internal/ptytest"
	"github.com/czql/czql/internal/render"
)

// On a terminal, `czql run` fits its tables to the terminal's width, as
// the REPL does; through a pipe nothing is cut.
func TestRunFitsTablesToTheTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process on a pseudo-terminal")
	}
	czql, err := exec.LookPath("czql") // testscript.Main put it on PATH
	if err != nil {
		t.Skip(err)
	}
	const query = "SELECT Name, Manager.Name, Parent.Name, State, Priority FROM Task ORDER BY Name LIMIT 3"
	cmd := exec.Command(czql, "run", "-q", query)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "XDG_CACHE_HOME="+filepath.Join(t.TempDir(), "cache"), "CZQL_URL=")
	term := ptytest.Start(t, cmd, 60, 24)
	if code := term.Wait(30 * time.Second); code != 0 {
		t.Fatalf("exit code %d:\n%s", code, term.Output())
	}
	out := term.Output()
	header := ""
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "Name") {
			header = line
		}
		if w := render.DisplayWidth(line); w > 60 && !strings.HasPrefix(line, "czql:") {
			t.Errorf("line %d columns wide on a 60-column terminal: %q", w, line)
		}
	}
	if header == "" || !strings.Contains(out, render.Ellipsis) {
		t.Errorf("no table cut to the terminal:\n%s", out)
	}
	pipe := exec.Command(czql, "run", "-q", query)
	pipe.Env = cmd.Env
	piped, err := pipe.Output()
	if err != nil || strings.Contains(string(piped), render.Ellipsis) {
		t.Errorf("through a pipe (err %v) the table is cut:\n%s", err, piped)
	}
}
