package repl

import (
	"strings"
	"testing"
)

// TestLimitZeroIsRefused checks that the shell gives LIMIT 0 the meaning
// czql run and translate give it, through the same library path: the
// statement is refused with limit-zero, nothing is shown, and the next
// statement still runs.
func TestLimitZeroIsRefused(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task LIMIT 0;\nSELECT Name FROM Task WHERE Priority = 3;\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	if !strings.Contains(r.stderr, "error[limit-zero]: LIMIT 0 is refused") {
		t.Errorf("stderr lacks the limit-zero error:\n%s", r.stderr)
	}
}
