package frontend

import (
	"fmt"
	"io"
	"os"

	"github.com/czql/czql/diag"
)

// maxTextDiags is the most diagnostics shown as text for one input, as
// the go command stops at ten: past that (a binary file, say) more lines
// help nobody.
const maxTextDiags = 10

// WriteDiags writes l, sorted, to w as text with source snippets from
// text (the input called name), at most ten of them followed by a count
// of the rest; coloured when w is a terminal and NO_COLOR is unset. It
// returns [ExitErrors] when l holds an error and [ExitOK] otherwise
// (warnings and infos are shown but do not fail), or [ExitUsage] when w
// cannot be written.
func WriteDiags(w io.Writer, name string, text []byte, l diag.List) int {
	if len(l) == 0 {
		return ExitOK
	}
	l.Sort()
	shown := l[:min(len(l), maxTextDiags)]
	src := diag.NewSource(name, text)
	if err := diag.WriteList(w, src, shown, diag.TextOptions{Color: useColor(w)}); err != nil {
		return ExitUsage
	}
	if more := len(l) - len(shown); more > 0 {
		fmt.Fprintf(w, "\n%s: %d more diagnostics not shown\n", name, more)
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
