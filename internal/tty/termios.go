//go:build unix

package tty

import "golang.org/x/sys/unix"

// getTermios returns the terminal settings of fd (tcgetattr).
func getTermios(fd int) (*unix.Termios, error) {
	return unix.IoctlGetTermios(fd, ioctlGetTermios)
}

// setTermios applies the terminal settings t to fd at once (tcsetattr
// with TCSANOW).
func setTermios(fd int, t *unix.Termios) error {
	return unix.IoctlSetTermios(fd, ioctlSetTermios, t)
}

// rawMode returns t changed the way go-prompt's internal/term SetRaw
// changes it: no echo, no canonical line editing, no signal keys (Ctrl+C
// arrives as the byte 0x03), no CR-to-NL translation and no flow control,
// 8-bit characters, and a read returns as soon as one byte is there
// (VMIN=1, VTIME=0). The output flags are kept: OPOST stays on, so "\n"
// still returns the carriage.
func rawMode(t unix.Termios) unix.Termios {
	t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP |
		unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	t.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG | unix.ECHONL
	t.Cflag &^= unix.CSIZE | unix.PARENB
	t.Cflag |= unix.CS8
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	return t
}

// passwordMode returns t changed for reading a password: no echo (the
// newline is not echoed either: the reader writes it), but canonical line
// editing, so the kernel handles backspace and Ctrl+U, signal keys, so
// Ctrl+C interrupts, and CR-to-NL translation, so Enter ends the line.
func passwordMode(t unix.Termios) unix.Termios {
	t.Lflag &^= unix.ECHO | unix.ECHONL
	t.Lflag |= unix.ICANON | unix.ISIG
	t.Iflag |= unix.ICRNL
	return t
}

// isNonblock reports whether the open file description of fd is in
// non-blocking mode.
func isNonblock(fd int) (bool, error) {
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	return flags&unix.O_NONBLOCK != 0, err
}
