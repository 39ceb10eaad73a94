//go:build unix

package tty

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/czql/czql/internal/ptytest"
)

// timeout bounds every wait; the terminal answers in milliseconds.
const timeout = 10 * time.Second

// newOnPair returns a TTY on the slave of a new pseudo-terminal, the
// master, and the slave's settings before the TTY touched them.
func newOnPair(t *testing.T) (*TTY, *os.File, unix.Termios) {
	t.Helper()
	master, slave := ptytest.Pair(t)
	orig := termiosOf(t, slave)
	tt, err := New(slave)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tt.Close() })
	return tt, master, orig
}

// termiosOf returns f's terminal settings.
func termiosOf(t *testing.T, f *os.File) unix.Termios {
	t.Helper()
	tio, err := getTermios(int(f.Fd()))
	if err != nil {
		t.Fatal(err)
	}
	return *tio
}

// nonblockOf reports whether f's open file description is non-blocking.
func nonblockOf(t *testing.T, f *os.File) bool {
	t.Helper()
	rc, err := f.SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	var nb bool
	var nbErr error
	rc.Control(func(fd uintptr) { nb, nbErr = isNonblock(int(fd)) })
	if nbErr != nil {
		t.Fatal(nbErr)
	}
	return nb
}

func TestSetupIsGoPromptsRawModeAndNonBlocking(t *testing.T) {
	tt, _, orig := newOnPair(t)
	slave := fileOf(tt)
	if orig.Lflag&unix.ECHO == 0 || orig.Lflag&unix.ICANON == 0 {
		t.Fatalf("a new pseudo-terminal should echo and be canonical: lflag %#x", orig.Lflag)
	}
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	raw := termiosOf(t, slave)
	checks := []struct {
		name string
		ok   bool
	}{
		{"ECHO ICANON IEXTEN ISIG ECHONL off", raw.Lflag&(unix.ECHO|unix.ICANON|unix.IEXTEN|unix.ISIG|unix.ECHONL) == 0},
		{"ICRNL IXON INLCR IGNCR ISTRIP BRKINT off", raw.Iflag&(unix.ICRNL|unix.IXON|unix.INLCR|unix.IGNCR|unix.ISTRIP|unix.BRKINT) == 0},
		{"OPOST kept", raw.Oflag&unix.OPOST != 0 && raw.Oflag == orig.Oflag},
		{"CS8, no parity", raw.Cflag&unix.CSIZE == unix.CS8 && raw.Cflag&unix.PARENB == 0},
		{"VMIN=1 VTIME=0", raw.Cc[unix.VMIN] == 1 && raw.Cc[unix.VTIME] == 0},
		{"non-blocking", nonblockOf(t, slave)},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("after Setup: want %s; termios %+v", c.name, raw)
		}
	}
}

// fileOf returns the TTY's own file, for reading the terminal's state.
func fileOf(tt *TTY) *os.File { return tt.f }

func TestTearDownRestoresTheStateAtOpen(t *testing.T) {
	tt, _, orig := newOnPair(t)
	slave := fileOf(tt)
	// Something (go-prompt's own parser, a crashed child) turns echo off
	// after Open: TearDown must still return to the state at Open.
	quiet := orig
	quiet.Lflag &^= unix.ECHO
	if err := setTermios(int(slave.Fd()), &quiet); err != nil {
		t.Fatal(err)
	}
	for range 2 { // repeated pairs do not drift
		if err := tt.Setup(); err != nil {
			t.Fatal(err)
		}
		if err := tt.TearDown(); err != nil {
			t.Fatal(err)
		}
		if got := termiosOf(t, slave); got != orig {
			t.Fatalf("after TearDown termios = %+v, want the original %+v", got, orig)
		}
		if nonblockOf(t, slave) {
			t.Fatal("after TearDown the terminal is still non-blocking")
		}
	}
}

func TestRestoreIsIdempotentAndCloseRestores(t *testing.T) {
	tt, _, orig := newOnPair(t)
	slave := fileOf(tt)
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := tt.Restore(); err != nil {
			t.Fatal(err)
		}
		if got := termiosOf(t, slave); got != orig {
			t.Fatalf("after Restore termios = %+v, want %+v", got, orig)
		}
	}
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	probe := probeFile(t, slave)
	if err := tt.Close(); err != nil {
		t.Fatal(err)
	}
	if got := termiosOf(t, probe); got != orig {
		t.Fatalf("after Close termios = %+v, want %+v", got, orig)
	}
	if err := tt.Restore(); err != nil {
		t.Errorf("Restore after Close: %v, want nil", err)
	}
	if err := tt.Close(); err != nil {
		t.Errorf("second Close: %v, want nil", err)
	}
	if err := tt.Setup(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Setup after Close: %v, want os.ErrClosed", err)
	}
}

// probeFile opens the terminal of f again, to look at it after the TTY is
// closed.
func probeFile(t *testing.T, f *os.File) *os.File {
	t.Helper()
	fd, err := unix.Open(f.Name(), unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	probe := os.NewFile(uintptr(fd), f.Name())
	t.Cleanup(func() { probe.Close() })
	return probe
}

func TestReadIsNonBlockingAndReturnsEachKey(t *testing.T) {
	tt, master, _ := newOnPair(t)
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	if _, err := tt.Read(); !errors.Is(err, syscall.EAGAIN) {
		t.Fatalf("Read with no input: %v, want EAGAIN", err)
	}
	for _, key := range []string{"ab", "\x04", "\r"} {
		master.WriteString(key)
		if got := readKey(t, tt); string(got) != key {
			t.Errorf("Read = %q, want %q", got, key)
		}
	}
}

// readKey polls Read as go-prompt does until it returns something.
func readKey(t *testing.T, tt *TTY) []byte {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		b, err := tt.Read()
		if err == nil {
			return b
		}
		if !errors.Is(err, syscall.EAGAIN) {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no input")
	return nil
}

func TestNewKeepsANonBlockingFileNonBlocking(t *testing.T) {
	_, slave := ptytest.Pair(t)
	// os.OpenFile gives a terminal to the runtime poller, non-blocking.
	f, err := os.OpenFile(slave.Name(), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tt, err := New(f)
	if err != nil {
		t.Fatal(err)
	}
	defer tt.Close()
	if err := tt.Setup(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := tt.Read(); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, syscall.EAGAIN) {
			t.Errorf("Read with no input: %v, want EAGAIN", err)
		}
	case <-time.After(timeout):
		t.Fatal("Read blocked")
	}
	tt.TearDown()
	if !nonblockOf(t, f) {
		t.Error("TearDown made the poller's file blocking")
	}
}

func TestSizeAndGetWinSize(t *testing.T) {
	tt, master, _ := newOnPair(t)
	// A new pseudo-terminal reports 0x0: the fallback applies.
	if cols, rows := tt.Size(); cols != 80 || rows != 24 {
		t.Errorf("Size of a 0x0 terminal = %dx%d, want 80x24", cols, rows)
	}
	ws := &unix.Winsize{Col: 132, Row: 43}
	if err := unix.IoctlSetWinsize(int(master.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		t.Fatal(err)
	}
	if cols, rows := tt.Size(); cols != 132 || rows != 43 {
		t.Errorf("Size = %dx%d, want 132x43", cols, rows)
	}
	if got := tt.GetWinSize(); got.Col != 132 || got.Row != 43 {
		t.Errorf("GetWinSize = %+v, want 132x43", *got)
	}
	tt.Close()
	if got := tt.GetWinSize(); got.Col != 80 || got.Row != 24 {
		t.Errorf("GetWinSize after Close = %+v, want the 80x24 fallback", *got)
	}
}

func TestIsTerminalAndNewRefuseOtherFiles(t *testing.T) {
	_, slave := ptytest.Pair(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if !IsTerminal(slave.Fd()) || IsTerminal(r.Fd()) {
		t.Errorf("IsTerminal(slave) = %v, IsTerminal(pipe) = %v", IsTerminal(slave.Fd()), IsTerminal(r.Fd()))
	}
	if _, err := New(r); err == nil {
		t.Error("New(pipe) succeeded")
	}
}

func TestReadPasswordEOF(t *testing.T) {
	tt, master, orig := newOnPair(t)
	master.WriteString("\x04") // Ctrl+D on an empty line
	if pw, err := tt.ReadPassword("Password: "); err != io.EOF || pw != "" {
		t.Errorf("ReadPassword = %q, %v; want io.EOF", pw, err)
	}
	if got := termiosOf(t, fileOf(tt)); got != orig {
		t.Errorf("after ReadPassword termios = %+v, want %+v", got, orig)
	}
}

// The tests below run this test binary as a child on a pseudo-terminal
// that is its controlling terminal, so that Open finds it as /dev/tty and
// Ctrl+C raises SIGINT. The child runs TestHelperProcess with the helper's
// name in helperEnv.
const helperEnv = "CZQL_TTY_TEST_HELPER"

// startHelper runs the helper named name on a new pseudo-terminal.
func startHelper(t *testing.T, name string) *ptytest.Term {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+name)
	return ptytest.Start(t, cmd, 80, 24)
}

// The password the tests type; it must never appear on the screen.
const password = "hunter2-zq"

func TestReadPasswordDoesNotEchoAndRestoresEcho(t *testing.T) {
	term := startHelper(t, "password")
	term.Expect("Password: ", timeout)
	term.Send("hunter2-zx\x7fq\r") // a typo fixed with backspace
	term.Expect("result: ok=true err=<nil>", timeout)
	if code := term.Wait(timeout); code != 0 {
		t.Errorf("helper exited with %d", code)
	}
	if out := term.Raw(); containsAny(out, "hunter", "zx", "2-z") {
		t.Errorf("the password was echoed:\n%q", out)
	}
	// The helper exits without Close: ReadPassword itself restored echo.
	checkSettings(t, term.Stty(), "echo", "icanon", "isig")
}

func TestReadPasswordCtrlCRestoresEcho(t *testing.T) {
	term := startHelper(t, "password")
	term.Expect("Password: ", timeout)
	term.Send("hunt\x03")
	term.Expect("result: ok=false err="+ErrInterrupted.Error(), timeout)
	if code := term.Wait(timeout); code != 0 {
		t.Errorf("helper exited with %d, want 0 (SIGINT was caught)", code)
	}
	if out := term.Raw(); containsAny(out, "hunt") {
		t.Errorf("the password was echoed:\n%q", out)
	}
	checkSettings(t, term.Stty(), "echo", "icanon", "isig")
}

func TestRawModeUntilCtrlDThenTearDown(t *testing.T) {
	term := startHelper(t, "raw")
	term.Expect("raw\n", timeout)
	checkSettings(t, term.Stty(), "-echo", "-icanon", "-isig", "opost")
	for _, key := range []string{"x", "\x03", "\x04"} { // Ctrl+C is a key in raw mode, Ctrl+D ends
		term.Send(key)
		term.Expect(fmt.Sprintf("key %q\n", key), timeout)
	}
	term.Expect("bye\n", timeout)
	if code := term.Wait(timeout); code != 0 {
		t.Errorf("helper exited with %d", code)
	}
	checkSettings(t, term.Stty(), "echo", "icanon", "isig")
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// checkSettings fails the test unless stty lists every setting.
func checkSettings(t *testing.T, stty string, settings ...string) {
	t.Helper()
	for _, s := range settings {
		if !ptytest.HasSetting(stty, s) {
			t.Errorf("stty -a lacks %q:\n%s", s, stty)
		}
	}
}

// TestHelperProcess is the child of the tests above; it does nothing in a
// normal run.
func TestHelperProcess(t *testing.T) {
	name := os.Getenv(helperEnv)
	if name == "" {
		t.Skip("a helper for the other tests")
	}
	tt, err := Open()
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	switch name {
	case "password":
		pw, err := tt.ReadPassword("Password: ")
		fmt.Printf("result: ok=%v err=%v\n", pw == password, err)
	case "raw":
		rawUntilCtrlD(tt)
	}
	os.Exit(0) // no Close: the test checks the state the calls left
}

// rawUntilCtrlD is the "raw" helper: it reads keys in raw mode until
// Ctrl+D, then tears down.
func rawUntilCtrlD(tt *TTY) {
	if err := tt.Setup(); err != nil {
		fmt.Println("setup:", err)
		os.Exit(2)
	}
	fmt.Print("raw\n")
	for key := []byte(nil); string(key) != "\x04"; {
		var err error
		key, err = tt.Read()
		switch {
		case err == nil:
			fmt.Printf("key %q\n", key)
		case !errors.Is(err, syscall.EAGAIN):
			fmt.Println("read:", err)
			os.Exit(2)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := tt.TearDown(); err != nil {
		fmt.Println("teardown:", err)
		os.Exit(2)
	}
	fmt.Print("bye\n")
}
