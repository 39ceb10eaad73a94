//go:build !linux

package frontend

// hasExtendedAttributes reports false: only Linux is asked for extended
// attributes, so elsewhere a file keeps only its owner, group and mode
// when it is replaced by a new one.
func hasExtendedAttributes(string) bool { return false }
