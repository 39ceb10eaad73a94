//go:build unix

package tty

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"
)

// pollMillis is how long ReadPassword waits for input before it checks for
// SIGINT again.
const pollMillis = 50

// ReadPassword writes prompt to the terminal and reads one line with echo
// off, then puts the terminal back in the state it had at the call and
// writes a newline. The kernel's line editing stays on (backspace and
// Ctrl+U work) and so do the signal keys: SIGINT is caught for the duration
// of the call, and Ctrl+C makes ReadPassword restore the terminal and fail
// with [ErrInterrupted]. While it runs, other signal.Notify channels for
// SIGINT see the signal too. At end of input (Ctrl+D on an empty line) it
// fails with io.EOF. The password is returned without its newline; it is
// never echoed, logged nor part of an error.
func (t *TTY) ReadPassword(prompt string) (string, error) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	saved, err := t.echoOff()
	if err != nil {
		return "", err
	}
	line, err := t.promptAndRead(prompt, sig)
	if rerr := t.setState(saved); err == nil {
		err = rerr
	}
	if _, werr := io.WriteString(t.f, "\n"); err == nil {
		err = werr
	}
	if err != nil {
		return "", err
	}
	return line, nil
}

// promptAndRead writes prompt and reads the password line.
func (t *TTY) promptAndRead(prompt string, sig <-chan os.Signal) (string, error) {
	if _, err := io.WriteString(t.f, prompt); err != nil {
		return "", err
	}
	line, err := t.readLine(sig)
	defer clear(line[:cap(line)])
	return string(line), err
}

// echoOff switches the terminal to password mode and returns the settings
// it replaced.
func (t *TTY) echoOff() (*unix.Termios, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, os.ErrClosed
	}
	var saved *unix.Termios
	err := t.control(func(fd int) error {
		var err error
		if saved, err = getTermios(fd); err != nil {
			return err
		}
		quiet := passwordMode(*saved)
		return setTermios(fd, &quiet)
	})
	return saved, err
}

// setState applies the terminal settings s, unless the TTY was closed
// meanwhile (Close restored the original state).
func (t *TTY) setState(s *unix.Termios) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil
	}
	return t.control(func(fd int) error { return setTermios(fd, s) })
}

// readLine reads up to a newline, which it drops, or to the end of input.
// It polls, so that it works in non-blocking mode too and notices SIGINT,
// which does not interrupt a blocked read.
func (t *TTY) readLine(sig <-chan os.Signal) ([]byte, error) {
	var line []byte
	buf := make([]byte, 256)
	defer clear(buf)
	for {
		if err := t.waitInput(sig); err != nil {
			return line, err
		}
		n, err := t.f.Read(buf)
		line = append(line, buf[:n]...)
		switch {
		case errors.Is(err, syscall.EAGAIN):
			continue
		case err == io.EOF && len(line) > 0:
			return line, nil // Ctrl+D twice after some text
		case err != nil:
			return line, err
		}
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			return line[:i], nil
		}
	}
}

// waitInput waits until the terminal has input to read, or fails with
// ErrInterrupted when SIGINT arrives first.
func (t *TTY) waitInput(sig <-chan os.Signal) error {
	for {
		select {
		case <-sig:
			return ErrInterrupted
		default:
		}
		ready, err := t.pollInput(pollMillis)
		if err != nil || ready {
			return err
		}
	}
}

// pollInput reports whether the terminal has input (or hung up), waiting
// at most millis milliseconds.
func (t *TTY) pollInput(millis int) (bool, error) {
	var ready bool
	err := t.control(func(fd int) error {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, millis)
		if err == unix.EINTR {
			return nil
		}
		ready = n > 0
		return err
	})
	return ready, err
}
