package ptytest

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// openPTY opens a new pseudo-terminal pair. The master is non-blocking, so
// os.NewFile gives it to the runtime poller: reads park the goroutine, not
// a thread, and Close interrupts them. The slave is blocking, as programs
// expect of their standard streams. Neither becomes the controlling
// terminal of this process.
func openPTY() (master, slave *os.File, err error) {
	mfd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC|unix.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, &os.PathError{Op: "open", Path: "/dev/ptmx", Err: err}
	}
	master = os.NewFile(uintptr(mfd), "/dev/ptmx")
	name, err := unlockSlave(mfd)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	sfd, err := unix.Open(name, unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		master.Close()
		return nil, nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return master, os.NewFile(uintptr(sfd), name), nil
}

// unlockSlave unlocks the slave of the master mfd (unlockpt) and returns
// its path (ptsname).
func unlockSlave(mfd int) (string, error) {
	if err := unix.IoctlSetPointerInt(mfd, unix.TIOCSPTLCK, 0); err != nil {
		return "", os.NewSyscallError("ioctl TIOCSPTLCK", err)
	}
	n, err := unix.IoctlGetInt(mfd, unix.TIOCGPTN)
	if err != nil {
		return "", os.NewSyscallError("ioctl TIOCGPTN", err)
	}
	return "/dev/pts/" + strconv.Itoa(n), nil
}
