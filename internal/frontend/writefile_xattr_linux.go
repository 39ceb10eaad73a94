package frontend

import (
	"errors"
	"syscall"
)

// hasExtendedAttributes reports whether the file at path has extended
// attributes (POSIX ACLs, SELinux labels, capabilities...), which a new
// file would not inherit. When it cannot tell, it says yes: rewriting in
// place keeps them all.
func hasExtendedAttributes(path string) bool {
	n, err := syscall.Listxattr(path, nil)
	if err != nil {
		return !errors.Is(err, syscall.ENOTSUP)
	}
	return n > 0
}
