package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"

	"github.com/czql/czql/internal/frontend"
)

// The exit codes of the czql command, those of package frontend.
const (
	ExitOK          = frontend.ExitOK          // done, no errors
	ExitErrors      = frontend.ExitErrors      // errors found, or files that need formatting under --check
	ExitUsage       = frontend.ExitUsage       // could not run: bad usage, unreadable file
	ExitInterrupted = frontend.ExitInterrupted // interrupted (SIGINT)
)

// command is one czql subcommand.
type command struct {
	name    string
	summary string // one line for the command list
	usage   string // the synopsis, without the flag list
	help    string // paragraphs after the synopsis; may be empty
	// setup declares the command's flags on fs and returns the function
	// that runs it with the positional arguments. A command without flags
	// returns a runner that ignores fs.
	setup func(fs *flagSet) func(e *env, args []string) int
}

// planned lists the subcommands design.md names that are not built yet, so
// that asking for them says so instead of "unknown command".
var planned = map[string]string{}

// commands returns the subcommands in the order help lists them.
func commands() []*command {
	return []*command{
		lintCommand(), fmtCommand(), translateCommand(), runQueryCommand(), metadataCommand(), sandboxCommand(),
		parseCommand(), lspCommand(), genCommand(), versionCommand(), helpCommand(),
	}
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// commandNames returns the names of the subcommands, planned ones included.
func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	for name := range planned {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// env is what a running command sees of the outside world.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// getenv looks up an environment variable; nil means none is set, so
	// tests that build an env by hand see an empty environment.
	getenv func(string) string
	// isTerminal reports whether a reader (standard input) is a terminal,
	// where a command reading it says so first; nil means never.
	isTerminal func(io.Reader) bool
}

// readerIsTerminal reports whether r is a file open on a terminal.
func readerIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && fdIsTerminal(f.Fd())
}

// lookupEnv returns the value of the environment variable name, or "".
func (e *env) lookupEnv(name string) string {
	if e.getenv == nil {
		return ""
	}
	return e.getenv(name)
}

// Main runs the czql command with args (without the program name) and
// returns its exit code. A first SIGINT cancels the run, which then stops
// at the next safe point (between files, or while waiting for standard
// input) and returns [ExitInterrupted]; a second SIGINT kills the process
// as usual.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // restore the default action for a second SIGINT
	}()
	return run(&env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, isTerminal: readerIsTerminal}, args)
}

// run dispatches args to a subcommand.
func run(e *env, args []string) int {
	if len(args) == 0 {
		writeMainUsage(e.stderr)
		return ExitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "-help", "--help":
		writeMainUsage(e.stdout)
		return ExitOK
	case "-version", "--version":
		name = "version"
	}
	c := lookup(name)
	if c == nil {
		return unknownCommand(e, name)
	}
	return runCommand(e, c, rest)
}

// runCommand parses the flags of c from args and runs it.
func runCommand(e *env, c *command, args []string) int {
	fs := newFlagSet(c.name)
	runFn := c.setup(fs)
	pos, err := fs.parse(args)
	switch {
	case err == errHelp:
		writeCommandHelp(e.stdout, c, fs)
		return ExitOK
	case err != nil:
		fmt.Fprintf(e.stderr, "czql %s: %v\n", c.name, err)
		fmt.Fprintf(e.stderr, "usage: %s\nRun 'czql help %s' for details.\n", c.usage, c.name)
		return ExitUsage
	}
	code := runFn(e, pos)
	if code != ExitInterrupted && e.ctx.Err() != nil {
		return ExitInterrupted
	}
	return code
}

// unknownCommand reports a command name that is not one of ours.
func unknownCommand(e *env, name string) int {
	if what, ok := planned[name]; ok {
		fmt.Fprintf(e.stderr, "czql: %q is not available yet (it %s)\n", name, what)
		return ExitUsage
	}
	fmt.Fprintf(e.stderr, "czql: unknown command %q\n", name)
	if s := suggest(name, commandNames()); s != "" {
		fmt.Fprintf(e.stderr, "\tdid you mean %q?\n", s)
	}
	fmt.Fprintln(e.stderr, "Run 'czql help' for usage.")
	return ExitUsage
}
