package cli

import (
	"fmt"
	"strings"

	"github.com/czql/czql/diag"
)

// lintSummary counts the diagnostics of a lint run by severity.
type lintSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// add counts l.
func (s *lintSummary) add(l diag.List) {
	for _, d := range l {
		switch d.Severity {
		case diag.Error:
			s.Errors++
		case diag.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
}

// String returns "2 errors, 1 warning", leaving out the severities that
// have none; "" when there is nothing.
func (s lintSummary) String() string {
	var parts []string
	for _, c := range []struct {
		n    int
		word string
	}{{s.Errors, "error"}, {s.Warnings, "warning"}, {s.Infos, "info"}} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.word))
		}
	}
	return strings.Join(parts, ", ")
}

// summary counts the diagnostics of every input linted so far.
func (l *linter) summary() lintSummary {
	var s lintSummary
	for _, r := range l.results {
		s.add(r.diags)
	}
	return s
}

// writeSummary writes the count line that ends text output, after a blank
// line, when there was anything to count: a clean run stays silent.
func (l *linter) writeSummary() {
	if s := l.summary().String(); s != "" {
		fmt.Fprintf(l.e.stderr, "\n%s\n", s)
	}
}
