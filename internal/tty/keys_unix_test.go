//go:build unix

package tty

import (
	"testing"

	"golang.org/x/sys/unix"
)

func TestReadSplitsKeysAndTakesEndOfFileForCtrlD(t *testing.T) {
	tt, master, _ := newOnPair(t)
	// In the terminal's normal mode a Ctrl+D on an empty line is an end of
	// file: the read that follows returns no bytes.
	master.WriteString("\x04")
	waitReadable(t, tt)
	if got := readKey(t, tt); string(got) != "\x04" {
		t.Errorf("Read after an end of file = %q, want Ctrl+D", got)
	}
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	master.WriteString("ab\x1b[D\r")
	for _, want := range []string{"ab", "\x1b[D", "\r"} {
		if got := readKey(t, tt); string(got) != want {
			t.Errorf("Read = %q, want %q", got, want)
		}
	}
}

// waitReadable waits until the terminal of tt has input to read.
func waitReadable(t *testing.T, tt *TTY) {
	t.Helper()
	fds := []unix.PollFd{{Fd: int32(tt.f.Fd()), Events: unix.POLLIN}}
	if _, err := unix.Poll(fds, 5000); err != nil {
		t.Fatal(err)
	}
}
