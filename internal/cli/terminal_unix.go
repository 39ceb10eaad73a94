//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package cli

import "golang.org/x/sys/unix"

// fdIsTerminal reports whether fd is a terminal: whether it has terminal
// settings (tcgetattr), which a pipe, a file or /dev/null has not.
func fdIsTerminal(fd uintptr) bool {
	_, err := unix.IoctlGetTermios(int(fd), ioctlGetTermios)
	return err == nil
}
