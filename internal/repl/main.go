package repl

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/internal/render"
	"github.com/czql/czql/internal/tty"
)

// The exit codes of czql-repl.
const (
	ExitOK     = 0 // every statement succeeded
	ExitFailed = 1 // a statement or meta-command failed
	ExitUsage  = 2 // could not run: bad flags, no connection
)

// flags are the command-line flags of czql-repl.
type flags struct {
	sandbox       bool
	metadata      string
	config        string
	format        string
	passwordStdin bool
	vars          []string // --set NAME=VALUE, in order
}

// Main runs czql-repl with args (without the program name) and returns
// its exit code. On a terminal it is the interactive shell; otherwise it
// runs the statements of stdin, and a SIGINT cancels the running
// statement and ends the session. A terminal that declares itself dumb
// (TERM=dumb, as Emacs's shell mode does) gets the latter too: the editor
// needs cursor movement.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if isTerminal(stdin) && os.Getenv("TERM") != "dumb" {
		f, code := parseFlags(args, stdout, stderr)
		if f == nil {
			return code
		}
		return interactive(f, stdout, stderr, os.Getenv)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return run(ctx, args, stdin, stdout, stderr, os.Getenv)
}

// run runs the statements of stdin (not a terminal), with the context
// and the environment given.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	f, code := parseFlags(args, stdout, stderr)
	if f == nil {
		return code
	}
	project, ok := loadProject(f.config, stderr)
	if !ok {
		return ExitUsage
	}
	in := bufio.NewReader(stdin) // shared: --password-stdin takes its first line
	conn, code := frontend.Connect(ctx, frontend.ConnectOptions{
		Stdin: in, Stderr: stderr, Getenv: getenv, Sandbox: f.sandbox, MetadataPath: f.metadataPath(project),
		PasswordStdin: f.passwordStdin,
	})
	if code != frontend.ExitOK {
		return ExitUsage
	}
	defer conn.Close()
	s := NewSession(Config{
		Client: conn.Client, Metadata: conn.Metadata, Calls: conn.Calls,
		Stdout: stdout, Stderr: stderr, Format: f.format, Width: scriptWidth(stdout, getenv),
		Refresh: conn.RefreshMetadata, Project: project, Origin: conn.Origin(),
	})
	if !s.setFlagVars(f.vars) {
		s.Close()
		return ExitUsage
	}
	return finish(s, s.RunScript(ctx, in), stderr)
}

// finish closes s and returns the exit code of the session.
func finish(s *Session, runErr error, stderr io.Writer) int {
	if err := s.Close(); err != nil {
		fmt.Fprintf(stderr, "czql-repl: closing the output file: %v\n", err)
		return ExitFailed
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "czql-repl: %v\n", runErr)
		return ExitFailed
	}
	if s.Failed() {
		return ExitFailed
	}
	return ExitOK
}

// usageText heads the --help output; the flags follow.
const usageText = `usage: czql-repl [--format table|json|jsonl|csv] [--sandbox] [--metadata FILE] [--config FILE] [--password-stdin]

The CZQL shell. On a terminal it is an interactive editor with completion
and history; otherwise it runs the statements and meta-commands of
standard input (czql-repl < queries.czql). With CZQL_URL, CZQL_USER and
CZQL_PASSWORD (or CZQL_API_KEY) it runs on that organisation; without
CZQL_URL, on the embedded sandbox with the demo organisation. The nearest
.czql.yaml in the working directory or above it (or --config FILE) gives
the rules of the diagnostics and the metadata, as for czql lint.

Flags:
`

// parseFlags parses args. It returns nil flags and the exit code when
// there is nothing to run: after --help (written on stdout, as czql
// writes its help), or on a bad flag or format (reported on stderr).
func parseFlags(args []string, stdout, stderr io.Writer) (*flags, int) {
	f := &flags{}
	fs := flag.NewFlagSet("czql-repl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.BoolVar(&f.sandbox, "sandbox", false, "use the embedded sandbox with the demo organisation even when CZQL_URL is set")
	fs.StringVar(&f.metadata, "metadata", "", "validate against the metadata in `FILE` (default: the configuration's, CZQL_METADATA, the cache, or the sandbox's)")
	fs.StringVar(&f.config, "config", "", "read the project configuration from `FILE` instead of the nearest .czql.yaml above the working directory")
	fs.StringVar(&f.format, "format", "table", "result `FORMAT`: table (the default), json, jsonl or csv")
	fs.Func("set", "set the session variable `NAME=VALUE` before the first statement, as \\set does (repeatable; PROMPT1=FORMAT sets the prompt)", func(v string) error {
		f.vars = append(f.vars, v)
		return nil
	})
	fs.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from the first line of standard input (on a terminal: asked without echo)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, usageText)
			frontend.WriteFlags(stdout, fs)
			return nil, ExitOK
		}
		fmt.Fprintf(stderr, "czql-repl: %v\nRun 'czql-repl --help' for usage.\n", frontend.FlagError(err))
		return nil, ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "czql-repl: unexpected argument %q; statements are read from standard input\n", fs.Arg(0))
		return nil, ExitUsage
	}
	if formats := render.Formats(); !slices.Contains(formats, f.format) {
		fmt.Fprintf(stderr, "czql-repl: unknown format %q (want %s)\n", f.format, strings.Join(formats, ", "))
		return nil, ExitUsage
	}
	return f, ExitOK
}

// columns is the display width the COLUMNS environment variable gives,
// or 0 when it is not a positive number.
func columns(getenv func(string) string) int {
	n, err := strconv.Atoi(getenv("COLUMNS"))
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// scriptWidth is the display width when statements come from a pipe or
// a file: the terminal's width when the results go to one, else COLUMNS,
// else unlimited (results written to a file are never cut).
func scriptWidth(stdout io.Writer, getenv func(string) string) func() int {
	if f, ok := stdout.(*os.File); ok && tty.IsTerminal(f.Fd()) {
		if t, err := tty.New(f); err == nil {
			return func() int { cols, _ := t.Size(); return cols }
		}
	}
	n := columns(getenv)
	return func() int { return n }
}

// isTerminal reports whether r is a terminal: a file the terminal
// ioctls work on, not just any character device (/dev/null is one, and
// is read like a pipe).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && tty.IsTerminal(f.Fd())
}
