package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/czql/czql/diag"
)

// helpCommand is `czql help [COMMAND]`.
func helpCommand() *command {
	return &command{
		name:    "help",
		summary: "show help for a command",
		usage:   "czql help [COMMAND]",
		setup: func(*flagSet) func(*env, []string) int {
			return runHelp
		},
	}
}

// runHelp writes the overview, or the help of the one command named.
func runHelp(e *env, args []string) int {
	switch len(args) {
	case 0:
		writeMainUsage(e.stdout)
		return ExitOK
	case 1:
	default:
		fmt.Fprintln(e.stderr, "czql help: give at most one command")
		return ExitUsage
	}
	c := lookup(args[0])
	if c == nil {
		return unknownCommand(e, args[0])
	}
	fs := newFlagSet(c.name)
	c.setup(fs)
	writeCommandHelp(e.stdout, c, fs)
	return ExitOK
}

// writeMainUsage writes the overview of the czql command.
func writeMainUsage(w io.Writer) {
	fmt.Fprint(w, `czql is a toolkit for CZQL, the query language of the Clarizen
(Planview AdaptiveWork) REST API v2.

Usage:

  czql COMMAND [flags] [arguments]

Commands:

`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Input is a file, "-" for standard input, or -q 'QUERY'. Diagnostics go to
standard error; results to standard output.

Exit codes: 0 done, 1 errors found or a query rejected by the API, 2 could
not run (usage, unreadable file, network failure), 130 interrupted.

Run 'czql help COMMAND' for details on a command.
`)
}

// writeCommandHelp writes the synopsis, description and flags of c.
func writeCommandHelp(w io.Writer, c *command, fs *flagSet) {
	fmt.Fprintf(w, "usage: %s\n\n%s\n", c.usage, capitalise(c.summary)+".")
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
	hasFlags := false
	fs.VisitAll(func(*flagDef) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		writeFlags(w, fs)
	}
}

// capitalise upper-cases the first letter of an ASCII summary.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// suggest returns the candidate closest to name, or "" when none is close
// enough to be a likely typo.
func suggest(name string, candidates []string) string {
	if s := diag.Suggest(name, candidates); len(s) > 0 {
		return s[0]
	}
	return ""
}
