//go:build unix && !linux

package ptytest

import "os"

// openPTY fails: this package opens pseudo-terminals on Linux only.
func openPTY() (master, slave *os.File, err error) {
	return nil, nil, errUnsupported
}
