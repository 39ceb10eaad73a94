package repl

import (
	"context"
	"strings"
	"testing"
	"time"
)

// \x auto is the default: a table wider than the display is shown
// vertically, one that fits as a table.
func TestExpandedAutoIsTheDefault(t *testing.T) {
	s, stdout, _ := sandboxSession(t, Config{Width: func() int { return 18 }})
	s.ExecStatement(context.Background(), "SELECT Name, Manager.Name FROM Task WHERE Name = 'Build';")
	s.ExecStatement(context.Background(), "SELECT Name FROM Task WHERE Name = 'Build';")
	check(t, "stdout", stdout.String(), "-[ RECORD 1 ]\nName         | Build\nManager.Name | Ana Ruiz\n\nName\n-----\nBuild\n")
}

// \watch runs the last statement again until its context ends.
func TestWatchRunsTheLastStatementUntilCancelled(t *testing.T) {
	s, stdout, stderr := sandboxSession(t, Config{})
	s.ExecStatement(context.Background(), "SELECT Name FROM Task WHERE Priority = 3;")
	ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
	defer cancel()
	s.ExecMeta(ctx, `\watch 0.2`)
	if n := strings.Count(stdout.String(), "Test\n"); n < 3 {
		t.Errorf("the statement ran %d times, want 1 and then at least 2 under \\watch:\n%s", n, stdout)
	}
	if !strings.Contains(stderr.String(), "(every 200ms; Ctrl+C stops)") || s.Failed() {
		t.Errorf("failed %v; stderr:\n%s", s.Failed(), stderr)
	}
	s.ExecMeta(context.Background(), `\watch x`)
	if !strings.Contains(stderr.String(), `\watch takes a number of seconds above 0, not "x"`) {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// \timing covers \more and \all too.
func TestTimingCoversMoreAndAll(t *testing.T) {
	s, _, stderr := sandboxSession(t, Config{})
	s.ExecMeta(context.Background(), `\timing on`)
	s.ExecStatement(context.Background(), "SELECT Name FROM Task ORDER BY Name LIMIT 2;")
	s.ExecMeta(context.Background(), `\more`)
	s.ExecMeta(context.Background(), `\all`)
	if n := strings.Count(stderr.String(), "Time: "); n != 3 {
		t.Errorf("%d timing lines, want 3 (the statement, \\more, \\all):\n%s", n, stderr)
	}
}

// \i runs a file; a missing one is an error.
func TestIncludeMissingFile(t *testing.T) {
	s, _, stderr := sandboxSession(t, Config{})
	s.ExecMeta(context.Background(), `\i /nonexistent/q.czql`)
	if !s.Failed() || !strings.Contains(stderr.String(), `\i: open /nonexistent/q.czql`) {
		t.Errorf("failed %v; stderr:\n%s", s.Failed(), stderr)
	}
}
