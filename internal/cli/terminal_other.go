//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package cli

// fdIsTerminal reports false where czql does not know how to ask.
func fdIsTerminal(uintptr) bool { return false }
