//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package cli

import "golang.org/x/sys/unix"

// ioctlGetTermios is the ioctl request of tcgetattr.
const ioctlGetTermios = unix.TIOCGETA
