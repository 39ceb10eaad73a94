//go:build unix

package ptytest

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

// errUnsupported is openPTY's error where this package cannot open
// pseudo-terminals.
var errUnsupported = errors.New("pseudo-terminals are only supported on Linux")

// Pair opens a pseudo-terminal pair for a test and closes it when the test
// ends. The test drives the master side (what a terminal emulator would
// do: read the screen, write keys) and hands the slave side to the code
// under test. The slave is in blocking mode and is not the controlling
// terminal of the test process. Pair skips the test where pseudo-terminals
// are not available.
func Pair(t testing.TB) (master, slave *os.File) {
	t.Helper()
	master, slave = open(t)
	t.Cleanup(func() {
		slave.Close()
		master.Close()
	})
	return master, slave
}

// open opens a pseudo-terminal pair, skipping the test where there is
// none and failing it on other errors.
func open(t testing.TB) (master, slave *os.File) {
	t.Helper()
	master, slave, err := openPTY()
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, errUnsupported):
		t.Skipf("ptytest: no pseudo-terminal: %v", err)
	case err != nil:
		t.Fatalf("ptytest: %v", err)
	}
	return master, slave
}
