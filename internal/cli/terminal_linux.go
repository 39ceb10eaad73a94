package cli

import "golang.org/x/sys/unix"

// ioctlGetTermios is the ioctl request of tcgetattr.
const ioctlGetTermios = unix.TCGETS
