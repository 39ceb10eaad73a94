package tty

import "errors"

// ErrInterrupted is the error of [TTY.ReadPassword] when Ctrl+C (SIGINT)
// interrupts it.
var ErrInterrupted = errors.New("tty: interrupted")
