package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
)

// The display names of inputs that are not files.
const (
	stdinName = "-"       // standard input, unless --stdin-filename says otherwise
	queryName = "<query>" // the text of -q
)

// eofKey is how a user ends input typed at a terminal.
var eofKey = func() string {
	if runtime.GOOS == "windows" {
		return "Ctrl-Z, Enter"
	}
	return "Ctrl-D"
}()

// input is one source text.
type input struct {
	name string // shown in diagnostics: the path, "-" (or --stdin-filename) or "<query>"
	path string // the file it came from; "" for standard input and -q
	text []byte
}

// inputFlags are the input flags shared by translate and parse.
type inputFlags struct {
	query     string
	stdinName string
	stdinWhat string // what standard input holds, for the hint on a terminal; "" means queries
}

// declare adds -q and --stdin-filename to fs.
func (f *inputFlags) declare(fs *flagSet) {
	fs.StringVar(&f.query, "q", "", "read the `QUERY` text from the command line instead of a file")
	declareStdinName(fs, &f.stdinName)
}

// declareStdinName adds --stdin-filename to fs.
func declareStdinName(fs *flagSet, p *string) {
	fs.StringVar(p, "stdin-filename", "", "`NAME` shown in diagnostics for standard input")
}

// queryGiven reports whether -q was on the command line, even with an empty value.
func queryGiven(fs *flagSet) bool { return flagGiven(fs, "q") }

// readOne reads the single input of translate and parse: the -q text, the
// named file, or standard input for "-" or no argument. On failure it has
// reported the problem and returns a non-zero exit code.
func readOne(e *env, cmd string, fs *flagSet, f *inputFlags, args []string) (*input, int) {
	switch {
	case queryGiven(fs) && len(args) > 0:
		return nil, usageError(e, cmd, "use either -q or a file, not both")
	case queryGiven(fs):
		return &input{name: queryName, text: []byte(f.query)}, ExitOK
	case len(args) > 1:
		return nil, usageError(e, cmd, "give one file (or - for standard input)")
	case len(args) == 0 || args[0] == "-":
		return readStdin(e, cmd, f.stdinWhat, f.stdinName)
	}
	return readFile(e, args[0])
}

// readStdin reads all of standard input for the command cmd; name
// overrides the display name. When standard input is a terminal it first
// says on standard error that it reads what ("" for queries) from there,
// and how to end, instead of waiting silently.
func readStdin(e *env, cmd, what, name string) (*input, int) {
	if name == "" {
		name = stdinName
	}
	if e.isTerminal != nil && e.isTerminal(e.stdin) {
		if what == "" {
			what = "queries"
		}
		fmt.Fprintf(e.stderr, "czql %s: reading %s from standard input (end with %s)\n", cmd, what, eofKey)
	}
	text, err := readAllContext(e.ctx, e.stdin)
	if err != nil {
		return nil, ioError(e, err)
	}
	return &input{name: name, text: text}, ExitOK
}

// readFile reads the file at path.
func readFile(e *env, path string) (*input, int) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, ioError(e, err)
	}
	return &input{name: path, path: path, text: text}, ExitOK
}

// readAllContext reads r to the end unless ctx is cancelled first, so that
// an interrupt ends a command blocked on a terminal.
func readAllContext(ctx context.Context, r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	type result struct {
		data []byte
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		ch <- result{data, err}
	}()
	select {
	case res := <-ch:
		return res.data, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// ioError reports an I/O failure and returns the exit code for it:
// [ExitInterrupted] for a cancelled context, [ExitUsage] otherwise.
func ioError(e *env, err error) int {
	if errors.Is(err, context.Canceled) {
		return ExitInterrupted
	}
	e.errorf("%v", err)
	return ExitUsage
}
