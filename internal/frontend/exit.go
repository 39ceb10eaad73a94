package frontend

// The exit codes of the front ends, as design.md gives them.
const (
	ExitOK          = 0   // done, no errors
	ExitErrors      = 1   // errors found (diagnostics, a query the API rejected)
	ExitUsage       = 2   // could not run: bad usage, unreadable file, network failure
	ExitInterrupted = 130 // interrupted (SIGINT)
)
