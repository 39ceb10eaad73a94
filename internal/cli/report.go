package cli

import "fmt"

// errorf writes "czql: message" to standard error.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "czql: "+format+"\n", args...)
}

// usageError reports a misuse of cmd and returns [ExitUsage].
func usageError(e *env, cmd, msg string) int {
	fmt.Fprintf(e.stderr, "czql %s: %s\nRun 'czql help %s' for usage.\n", cmd, msg, cmd)
	return ExitUsage
}

// writeOut writes data to standard output; a failed write (a closed pipe,
// a full disk) is reported and gives [ExitUsage].
func writeOut(e *env, data []byte) int {
	if _, err := e.stdout.Write(data); err != nil {
		e.errorf("writing output: %v", err)
		return ExitUsage
	}
	return ExitOK
}

// worst returns the exit code that matters most: could-not-run beats
// errors-found beats done.
func worst(a, b int) int {
	rank := func(c int) int {
		switch c {
		case ExitOK:
			return 0
		case ExitErrors:
			return 1
		case ExitUsage:
			return 2
		}
		return 3 // interrupted
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}
