//go:build unix

package tty

import (
	"errors"
	"io"
	"os"

	prompt "github.com/c-bata/go-prompt"
	"golang.org/x/sys/unix"
)

// maxReadBytes is the most one Read returns, as in go-prompt.
const maxReadBytes = 1024

// A TTY is the line editor's input: go-prompt calls Setup before reading
// keys, Read in a polling loop, GetWinSize on start and on SIGWINCH, and
// TearDown before running a statement and on exit.
var _ prompt.ConsoleParser = (*TTY)(nil)

// Setup puts the terminal in non-blocking raw mode for the line editor:
// the settings are those of go-prompt's own parser (see rawMode), derived
// from the original state, so repeated Setup and TearDown pairs never
// drift. It fails after Close.
func (t *TTY) Setup() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return os.ErrClosed
	}
	raw := rawMode(t.orig)
	err := t.control(func(fd int) error {
		if err := unix.SetNonblock(fd, true); err != nil {
			return err
		}
		return setTermios(fd, &raw)
	})
	if err != nil {
		t.restoreLocked() // do not leave half of the change behind
	}
	return err
}

// TearDown ends the line editor's raw mode: it puts back the state the
// terminal had when the TTY was opened, not the state found at Setup,
// and blocking mode. It is [TTY.Restore].
func (t *TTY) TearDown() error {
	return t.Restore()
}

// ctrlD is the byte of Ctrl+D.
const ctrlD = 0x04

// Read returns the next key waiting on the terminal, without waiting:
// between Setup and TearDown it fails with an error that wraps
// syscall.EAGAIN when no key was pressed, which go-prompt's polling loop
// ignores. A read of several keys at once (a paste) is cut with splitKeys
// and handed out one piece per call, since go-prompt recognises a key
// only when a read returns exactly its bytes. A read of no bytes (an
// end of file: the terminal hung up) is reported as Ctrl+D, which ends
// the session on an empty line instead of go-prompt polling a dead
// terminal forever.
func (t *TTY) Read() ([]byte, error) {
	t.readMu.Lock()
	defer t.readMu.Unlock()
	if len(t.queue) == 0 {
		buf := make([]byte, maxReadBytes)
		n, err := t.f.Read(buf)
		switch {
		case errors.Is(err, io.EOF):
			t.queue = [][]byte{{ctrlD}}
		case err != nil:
			return []byte{}, err
		default:
			t.queue = splitKeys(buf[:n])
		}
	}
	key := t.queue[0]
	t.queue = t.queue[1:]
	return key, nil
}

// GetWinSize returns the window size for go-prompt, with the fallbacks of
// [TTY.Size]; unlike go-prompt's own parser it never panics.
func (t *TTY) GetWinSize() *prompt.WinSize {
	cols, rows := t.Size()
	return &prompt.WinSize{Col: clampUint16(cols), Row: clampUint16(rows)}
}

// clampUint16 converts n to uint16, saturating.
func clampUint16(n int) uint16 {
	return uint16(min(max(n, 0), 0xFFFF))
}
