package parser

import (
	"strings"

	"github.com/czql/czql/diag"
)

// formatDiags writes one line per diagnostic:
// `line:col-line:col severity code: message`.
func formatDiags(ds diag.List) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(formatDiag(d))
		b.WriteByte('\n')
	}
	return b.String()
}

// formatDiag formats d on one line, with its first suggestion in brackets.
func formatDiag(d diag.Diagnostic) string {
	s := d.Range.String() + " " + d.Severity.String() + " " + d.Code + ": " + d.Message
	if len(d.Suggestions) > 0 {
		s += " [" + d.Suggestions[0].Message + "]"
	}
	return s
}
