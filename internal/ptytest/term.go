//go:build unix

package ptytest

import (
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// Term is a program running on a pseudo-terminal, started by [Start]. Its
// methods are meant for the test's goroutine.
type Term struct {
	t      testing.TB
	cmd    *exec.Cmd
	master *os.File // the test's side: the screen and the keyboard
	slave  *os.File // the program's side, kept open for Stty

	mu   sync.Mutex
	raw  []byte // everything the program wrote
	mark int    // offset in Strip(raw) where the next Expect starts

	changed  chan struct{} // signalled when raw grows
	copied   chan struct{} // closed when the output copier stops
	exited   chan struct{} // closed when the program has exited
	exitCode int
}

// Start runs cmd on a new pseudo-terminal of cols columns and rows rows:
// its standard input, output and error are the terminal, which is also its
// controlling terminal (the program runs in a new session, so /dev/tty is
// the pseudo-terminal and Ctrl+C sent with [Term.Send] raises SIGINT in
// it). Start sets cmd's standard streams and the Setsid, Setctty and Ctty
// fields of its SysProcAttr. Everything the program writes is recorded.
// When the test ends the program's process group is killed if the program
// is still running, and the terminal is closed.
func Start(t testing.TB, cmd *exec.Cmd, cols, rows int) *Term {
	t.Helper()
	master, slave := open(t)
	term := &Term{
		t: t, cmd: cmd, master: master, slave: slave,
		changed: make(chan struct{}, 1),
		copied:  make(chan struct{}),
		exited:  make(chan struct{}),
	}
	t.Cleanup(term.stop)
	term.Resize(cols, rows)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setsid = true
	cmd.SysProcAttr.Setctty = true
	cmd.SysProcAttr.Ctty = 0 // the child's descriptor 0, its standard input
	if err := cmd.Start(); err != nil {
		t.Fatalf("ptytest: start %s: %v", cmd, err)
	}
	go term.copyOutput()
	go term.wait()
	return term
}

// Resize sets the terminal's window size; the program gets SIGWINCH.
func (tm *Term) Resize(cols, rows int) {
	tm.t.Helper()
	ws := &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}
	if err := control(tm.master, func(fd int) error {
		return unix.IoctlSetWinsize(fd, unix.TIOCSWINSZ, ws)
	}); err != nil {
		tm.t.Fatalf("ptytest: set window size %dx%d: %v", cols, rows, err)
	}
}

// control runs fn with f's descriptor, without changing its blocking mode.
func control(f *os.File, fn func(fd int) error) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var fnErr error
	if err := rc.Control(func(fd uintptr) { fnErr = fn(int(fd)) }); err != nil {
		return err
	}
	return fnErr
}

// copyOutput records everything the master reads until it is closed.
func (tm *Term) copyOutput() {
	defer close(tm.copied)
	buf := make([]byte, 4096)
	for {
		n, err := tm.master.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			tm.raw = append(tm.raw, buf[:n]...)
			tm.mu.Unlock()
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// wait waits for the program to exit and records its exit code.
func (tm *Term) wait() {
	tm.cmd.Wait()
	tm.exitCode = tm.cmd.ProcessState.ExitCode()
	close(tm.exited)
}

// stop kills the program's process group, with any program it left
// running in the background, and closes the terminal.
func (tm *Term) stop() {
	if tm.cmd.Process != nil {
		// Setsid made the program the leader of its own process group.
		unix.Kill(-tm.cmd.Process.Pid, unix.SIGKILL)
		<-tm.exited
	}
	tm.slave.Close()
	tm.master.Close()
	if tm.cmd.Process != nil {
		<-tm.copied
	}
}

// Send types s on the terminal's keyboard: "\r" is Enter, "\t" Tab,
// "\x03" Ctrl+C, "\x04" Ctrl+D, "\x1b[A" the Up arrow.
func (tm *Term) Send(s string) {
	tm.t.Helper()
	if _, err := tm.master.WriteString(s); err != nil {
		tm.t.Fatalf("ptytest: send %q: %v", s, err)
	}
}

// Signal sends sig to the program, as kill(1) would.
func (tm *Term) Signal(sig os.Signal) {
	tm.t.Helper()
	if err := tm.cmd.Process.Signal(sig); err != nil {
		tm.t.Fatalf("ptytest: signal %v: %v", sig, err)
	}
}

// Raw returns everything the program wrote so far, escape sequences and
// carriage returns included.
func (tm *Term) Raw() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return string(tm.raw)
}

// Output returns everything the program wrote so far, stripped of escape
// sequences and carriage returns (see [Strip]).
func (tm *Term) Output() string {
	return Strip(tm.Raw())
}
