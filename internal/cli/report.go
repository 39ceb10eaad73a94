package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/czql/czql/diag"
)

// errorf writes "czql: message" to standard error.
func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "czql: "+format+"\n", args...)
}

// usageError reports a misuse of cmd and returns [ExitUsage].
func usageError(e *env, cmd, msg string) int {
	fmt.Fprintf(e.stderr, "czql %s: %s\nRun 'czql help %s' for usage.\n", cmd, msg, cmd)
	return ExitUsage
}

// maxTextDiags is the most diagnostics shown as text for one input, as
// the go command stops at ten: past that (a binary file, say) more lines
// help nobody.
const maxTextDiags = 10

// writeDiags writes l, sorted, to standard error as text with source
// snippets from in, at most [maxTextDiags] of them followed by a count of
// the rest. It returns [ExitErrors] when l holds an error and [ExitOK]
// otherwise (warnings and infos are shown but do not fail).
func writeDiags(e *env, in *input, l diag.List) int {
	if len(l) == 0 {
		return ExitOK
	}
	l.Sort()
	shown := l[:min(len(l), maxTextDiags)]
	src := diag.NewSource(in.name, in.text)
	if err := diag.WriteList(e.stderr, src, shown, diag.TextOptions{Color: useColor(e.stderr)}); err != nil {
		return ExitUsage
	}
	if more := len(l) - len(shown); more > 0 {
		fmt.Fprintf(e.stderr, "\n%s: %d more diagnostics not shown\n", in.name, more)
	}
	if l.HasErrors() {
		return ExitErrors
	}
	return ExitOK
}

// useColor reports whether text for w may be coloured: w is a terminal and
// the NO_COLOR convention (https://no-color.org) does not forbid it.
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// marshalJSON encodes v indented by two spaces with a final newline,
// without HTML escaping so that `<>` and `&` stay readable.
func marshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
