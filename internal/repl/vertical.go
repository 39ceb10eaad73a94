package repl

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/czql/czql/internal/cli"
)

// writeVertical writes each row as a block headed "-[ RECORD n ]" with
// one "Field | value" line a column, the field names padded to the
// widest.
func writeVertical(w io.Writer, body any, rows []json.RawMessage) error {
	header := cli.ResultHeader(body)
	width := 0
	for _, h := range header {
		width = max(width, utf8.RuneCountInString(h))
	}
	var b strings.Builder
	for i, row := range rows {
		cells, err := cli.RowCells(body, row)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "-[ RECORD %d ]\n", i+1)
		for j, h := range header {
			pad := strings.Repeat(" ", width-utf8.RuneCountInString(h))
			b.WriteString(strings.TrimRight(h+pad+" | "+cells[j], " ") + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
