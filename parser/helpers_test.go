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

func formatDiag(d diag.Diagnostic) string {
	return d.Range.String() + " " + d.Severity.String() + " " + d.Code + ": " + d.Message
}
