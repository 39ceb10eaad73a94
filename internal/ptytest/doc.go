// Package ptytest runs programs on a pseudo-terminal for tests, the way a
// person at a terminal would: [Start] runs a command with its standard
// streams on the terminal (which is also its controlling terminal, its
// /dev/tty), [Term.Send] types keys, [Term.Expect] waits for text on the
// screen, [Term.Wait] waits for the exit code and [Term.Stty] shows the
// terminal settings the program left behind.
//
// Screen text is compared after [Strip] has removed the terminal's escape
// sequences and carriage returns. [Pair] opens a bare pseudo-terminal for
// tests that drive a terminal in-process.
//
// The pseudo-terminal is opened with golang.org/x/sys/unix on Linux; on
// other systems, and where /dev/ptmx is missing, the tests that need one
// are skipped. ptytest imports nothing of this module and only tests
// import it.
package ptytest
