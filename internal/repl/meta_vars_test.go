package repl

import (
	"strings"
	"testing"
)

// \set variables are the bind parameters of the statements and of
// \translate, typed like czql run -p values; \unset removes one.
func TestSetVariablesAreBindParameters(t *testing.T) {
	r := runREPL(t, "\\set p 3\n"+
		"SELECT Name FROM Task WHERE Priority = :p;\n"+
		"\\set who 'Test'\n"+
		"\\translate SELECT Name FROM Task WHERE Name = :who AND Priority = :p\n"+
		"\\set\n"+
		"\\unset p\n"+
		"SELECT Name FROM Task WHERE Priority = :p;\n")
	if !strings.HasPrefix(r.stdout, "Name\n----\nTest\n") {
		t.Errorf(":p = 3 did not select the task:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, `"Name = 'Test' AND Priority = 3"`) && !strings.Contains(r.stdout, `"value": "Test"`) {
		t.Errorf("\\translate did not use the variables:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "p = '3'\nwho = '''Test'''\n") {
		t.Errorf("\\set did not list the variables:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, `no value for bind parameter ":p"; set it with \set p VALUE`) || r.code != ExitFailed {
		t.Errorf("after \\unset p, :p has no value: exit %d\n%s", r.code, r.stderr)
	}
}

// --set NAME=VALUE sets a variable before the first statement; a bad
// name stops the shell.
func TestSetFlag(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task WHERE Priority = :p;\n", "--set", "p=3")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Test") {
		t.Errorf("--set p=3: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runREPL(t, "", "--set", "1x=3")
	if r.code != ExitUsage || !strings.Contains(r.stderr, `bad variable name "1x"`) {
		t.Errorf("--set 1x=3: exit %d\n%s", r.code, r.stderr)
	}
}
