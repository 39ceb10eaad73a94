//go:build unix

package tty

import (
	"errors"
	"os"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// Fallback window size, used when the terminal does not report one.
const (
	fallbackCols = 80
	fallbackRows = 24
)

// TTY is a terminal opened by [Open] or [New], with the state it had then.
// Its methods are safe for concurrent use. A TTY must be closed with
// [TTY.Close], which puts the terminal back in its original state.
type TTY struct {
	f  *os.File        // a blocking-mode (non-pollable) file: reads never park in the runtime poller
	rc syscall.RawConn // f's descriptor, held open while an ioctl runs

	mu           sync.Mutex   // serialises state changes and Close
	orig         unix.Termios // the settings at Open
	origNonblock bool         // the blocking mode at Open
	closed       bool

	readMu sync.Mutex
	queue  [][]byte // keys read but not returned yet
}

// Open opens the controlling terminal /dev/tty for reading and writing and
// saves its state. The descriptor is a new open file description, so the
// non-blocking mode that [TTY.Setup] turns on does not affect the standard
// input the process shares with its shell. It fails when the process has no
// controlling terminal.
func Open() (*TTY, error) {
	fd, err := unix.Open("/dev/tty", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: "/dev/tty", Err: err}
	}
	f := os.NewFile(uintptr(fd), "/dev/tty")
	t, err := newTTY(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return t, nil
}

// New returns a TTY for the terminal open as f, such as the slave of a
// pseudo-terminal in a test, and saves its state as the original one. The
// TTY works on a duplicate of f's descriptor, which shares f's open file
// description: the non-blocking mode of [TTY.Setup] applies to f too until
// TearDown. Close closes the duplicate, not f. New fails when f is not a
// terminal.
func New(f *os.File) (*TTY, error) {
	fd, err := dupDescriptor(f)
	if err != nil {
		return nil, err
	}
	// os.NewFile hands a non-blocking descriptor to the runtime poller,
	// and reads would then wait for data instead of failing with EAGAIN:
	// make the file from a blocking descriptor, then put the mode back.
	nonblock, err := isNonblock(fd)
	if err == nil && nonblock {
		err = unix.SetNonblock(fd, false)
	}
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	dup := os.NewFile(uintptr(fd), f.Name())
	t, err := newTTY(dup)
	if err == nil && nonblock {
		t.origNonblock = true
		err = unix.SetNonblock(fd, true)
	}
	if err != nil {
		dup.Close()
		return nil, err
	}
	return t, nil
}

// dupDescriptor returns a close-on-exec duplicate of f's descriptor,
// without changing f's blocking mode as f.Fd would.
func dupDescriptor(f *os.File) (int, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return -1, err
	}
	fd, dupErr := -1, error(nil)
	err = rc.Control(func(sysfd uintptr) {
		fd, dupErr = unix.FcntlInt(sysfd, unix.F_DUPFD_CLOEXEC, 0)
	})
	return fd, errors.Join(err, dupErr)
}

// newTTY returns a TTY for f, whose descriptor is in blocking mode, with
// its current state as the original one.
func newTTY(f *os.File) (*TTY, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	t := &TTY{f: f, rc: rc}
	err = t.control(func(fd int) error {
		orig, err := getTermios(fd)
		if err == nil {
			t.orig = *orig
		}
		return err
	})
	if err != nil {
		return nil, &os.PathError{Op: "tcgetattr", Path: f.Name(), Err: err}
	}
	return t, nil
}

// control runs fn with the TTY's descriptor, which stays open meanwhile.
func (t *TTY) control(fn func(fd int) error) error {
	var fnErr error
	if err := t.rc.Control(func(fd uintptr) { fnErr = fn(int(fd)) }); err != nil {
		return err
	}
	return fnErr
}

// Restore puts the terminal back in the state it had when the TTY was
// opened: the termios settings and the blocking mode. It is idempotent,
// safe to call from any goroutine (a signal handler's included) and a
// no-op after Close, so it can be deferred on every exit path.
func (t *TTY) Restore() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	return t.restoreLocked()
}

// restoreLocked is Restore with t.mu held and t open.
func (t *TTY) restoreLocked() error {
	return t.control(func(fd int) error {
		return errors.Join(setTermios(fd, &t.orig), unix.SetNonblock(fd, t.origNonblock))
	})
}

// Close restores the terminal (see [TTY.Restore]) and closes the TTY's
// descriptor. Closing twice is not an error.
func (t *TTY) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	t.closed = true
	return errors.Join(t.restoreLocked(), t.f.Close())
}

// Size returns the window size of the terminal in columns and rows. A
// dimension the terminal does not report (the ioctl fails, or gives 0, as a
// new pseudo-terminal does) is 80 columns or 24 rows.
func (t *TTY) Size() (cols, rows int) {
	var ws *unix.Winsize
	err := t.control(func(fd int) error {
		var err error
		ws, err = unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ)
		return err
	})
	if err != nil {
		return fallbackCols, fallbackRows
	}
	return orFallback(int(ws.Col), fallbackCols), orFallback(int(ws.Row), fallbackRows)
}

// orFallback returns n, or fallback when n is 0.
func orFallback(n, fallback int) int {
	if n <= 0 {
		return fallback
	}
	return n
}

// IsTerminal reports whether fd is a terminal.
func IsTerminal(fd uintptr) bool {
	_, err := getTermios(int(fd))
	return err == nil
}
