//go:build unix

package ptytest

import (
	"fmt"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"time"
)

// tailBytes is how much of the output a failure message shows.
const tailBytes = 2048

// Expect waits until the stripped output (see [Term.Output]) after the
// read mark contains substr, then moves the mark past it, so that the next
// Expect looks at what follows. If substr does not show up within timeout,
// Expect fails the test with the last 2 KB of the stripped output.
func (tm *Term) Expect(substr string, timeout time.Duration) {
	tm.t.Helper()
	tm.expect(fmt.Sprintf("%q", substr), timeout, func(s string) (int, bool) {
		i := strings.Index(s, substr)
		return i + len(substr), i >= 0
	})
}

// ExpectRegexp is [Term.Expect] with a regular expression: it waits for a
// match of pattern, moves the mark past it and returns the match and its
// submatches.
func (tm *Term) ExpectRegexp(pattern string, timeout time.Duration) []string {
	tm.t.Helper()
	re := regexp.MustCompile(pattern)
	var match []string
	tm.expect("/"+pattern+"/", timeout, func(s string) (int, bool) {
		loc := re.FindStringSubmatchIndex(s)
		if loc == nil {
			return 0, false
		}
		match = re.FindStringSubmatch(s)
		return loc[1], true
	})
	return match
}

// expect waits until find finds what in the stripped output after the mark
// and moves the mark to the end find reports.
func (tm *Term) expect(what string, timeout time.Duration, find func(string) (end int, ok bool)) {
	tm.t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		out := tm.Output()
		tm.mu.Lock()
		end, ok := find(out[tm.mark:])
		if ok {
			tm.mark += end
		}
		tm.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-tm.changed:
		case <-deadline.C:
			tm.t.Fatalf("ptytest: %s not seen after %v; the output ends with:\n%s", what, timeout, tail(tm.Output()))
			return
		}
	}
}

// tail returns the last tailBytes bytes of s.
func tail(s string) string {
	if len(s) > tailBytes {
		return "…" + s[len(s)-tailBytes:]
	}
	return s
}

// Wait waits for the program to exit and returns its exit code, or -1 if a
// signal killed it. If the program still runs after timeout, Wait fails the
// test with the last 2 KB of the stripped output.
func (tm *Term) Wait(timeout time.Duration) (exitCode int) {
	tm.t.Helper()
	select {
	case <-tm.exited:
		return tm.exitCode
	case <-time.After(timeout):
		tm.t.Fatalf("ptytest: %s still running after %v; the output ends with:\n%s", tm.cmd, timeout, tail(tm.Output()))
		return -1
	}
}

// Stty returns what `stty -a` prints about the terminal now: the settings
// the program made, and those it left behind once it has exited (the test
// keeps the terminal open). Use [HasSetting] to look one up. Stty skips the
// test where there is no stty command.
func (tm *Term) Stty() string {
	tm.t.Helper()
	path, err := exec.LookPath("stty")
	if err != nil {
		tm.t.Skipf("ptytest: %v", err)
	}
	cmd := exec.Command(path, "-a")
	cmd.Stdin = tm.slave
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		tm.t.Fatalf("ptytest: stty -a: %v\n%s", err, ee.Stderr)
	} else if err != nil {
		tm.t.Fatalf("ptytest: stty -a: %v", err)
	}
	return string(out)
}

// HasSetting reports whether the output of `stty -a` lists setting as a
// word: HasSetting(s, "echo") is true when echo is on, HasSetting(s,
// "-echo") when it is off.
func HasSetting(stty, setting string) bool {
	words := strings.FieldsFunc(stty, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == ';'
	})
	return slices.Contains(words, setting)
}
