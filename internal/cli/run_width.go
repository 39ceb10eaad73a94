package cli

import (
	"io"
	"os"

	"github.com/czql/czql/internal/tty"
)

// terminalWidth is the width `czql run` fits tables to: the terminal's
// when standard output is one, as the REPL does; 0 (unlimited: nothing
// cut) when it is a file or a pipe.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !tty.IsTerminal(f.Fd()) {
		return 0
	}
	t, err := tty.New(f)
	if err != nil {
		return 0
	}
	defer t.Close()
	cols, _ := t.Size()
	return cols
}
