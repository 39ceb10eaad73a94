package cli

import (
	"strings"

	"github.com/czql/czql/format"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/translate"
)

// reverse reads request JSON from in (a body, a bulk item or an array of
// them) and prints the CZQL of each query: alone as is, several each ended
// by ";" and separated by a blank line, like a formatted .czql file.
func reverse(e *env, in *input) int {
	queries, diags := translate.FromJSON(in.text)
	if code := frontend.WriteDiags(e.stderr, in.name, in.text, diags); code != ExitOK {
		return code
	}
	var b strings.Builder
	for i, q := range queries {
		text := strings.TrimRight(format.Query(q), "\n")
		if len(queries) > 1 {
			if i > 0 {
				b.WriteString("\n")
			}
			text += ";"
		}
		b.WriteString(text + "\n")
	}
	return writeOut(e, []byte(b.String()))
}
