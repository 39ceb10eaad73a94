//go:build !unix

package tty

import (
	"errors"
	"os"

	prompt "github.com/c-bata/go-prompt"
)

// errUnsupported is what this package answers where there are no Unix
// terminals: czql-repl then has no interactive mode, but still runs the
// statements piped to it.
var errUnsupported = errors.New("the interactive shell needs a Unix terminal; pipe statements on standard input")

// TTY is a terminal; on this system none can be opened.
type TTY struct{}

// Open fails on this system.
func Open() (*TTY, error) { return nil, errUnsupported }

// New fails on this system.
func New(*os.File) (*TTY, error) { return nil, errUnsupported }

// IsTerminal reports false on this system.
func IsTerminal(uintptr) bool { return false }

// Restore does nothing.
func (t *TTY) Restore() error { return nil }

// Close does nothing.
func (t *TTY) Close() error { return nil }

// Size returns 80 columns and 24 rows.
func (t *TTY) Size() (cols, rows int) { return 80, 24 }

// Setup fails on this system.
func (t *TTY) Setup() error { return errUnsupported }

// TearDown does nothing.
func (t *TTY) TearDown() error { return nil }

// Read fails on this system.
func (t *TTY) Read() ([]byte, error) { return nil, errUnsupported }

// GetWinSize returns 80 columns and 24 rows.
func (t *TTY) GetWinSize() *prompt.WinSize { return &prompt.WinSize{Col: 80, Row: 24} }

// ReadPassword fails on this system.
func (t *TTY) ReadPassword(string) (string, error) { return "", errUnsupported }
