package repl

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestEmptyLineRunsOnlyFinishedStatements checks the editor's decision on
// an empty line after a statement without ';': it runs the statement once
// it is complete (or wrong in a way more text cannot mend, to show why),
// and keeps waiting while parser.Unfinished says it needs more text.
func TestEmptyLineRunsOnlyFinishedStatements(t *testing.T) {
	for _, tc := range []struct {
		text string
		runs bool
	}{
		{"-- only a comment", false}, // nothing to run
		{"SELECT", false},
		{"SELECT Name", false}, // no FROM yet
		{"SELECT Name,", false},
		{"SELECT Name FROM", false},
		{"SELECT Name FROM Task", true},
		{"select name from task where", false},
		{"SELECT Name FROM Task WHERE State =", false},
		{"SELECT Name FROM Task WHERE State = 'Active'", true},
		{"SELECT Name FROM Task WHERE (State = 'Active'", false}, // open parenthesis
		{"SELECT Name FROM Task WHERE State = 'Active' AND", false},
		{"SELECT Name FROM Task WHERE State IN ('Active',", false},
		{"SELECT Name FROM Task WHERE State IS", false},
		{"SELECT Name FROM Task ORDER", false},
		{"SELECT Name FROM Task ORDER BY", false},
		{"SELECT Name FROM Task ORDER BY Name", true},
		{"SELECT Name FROM Task LIMIT", false},
		{"SELECT Name FROM Task LIMIT 5", true},
		{"SELECT COUNT(Name) AS", false},
		{"SELECT Manager. FROM Task", true}, // wrong, not unfinished: run it and show why
		{"SELECT Name FROM Task /* still", false},
		{"SELECT Name FROM Task WHERE Name = 'open", true}, // strings end with their line
		{"SELECT Name, (SELECT Name FROM Resources) FROM Task", true},
		{"SELECT Name, (SELECT Name FROM Resources", false},
		{"SELEC Name FROM Task", true},
		{"SELECT Name FROM Task)", true},
		{"SELECT Name FROM Task;\nSELECT Name", false}, // the last statement counts
	} {
		var runs []string
		var stderr bytes.Buffer
		e := newEditor(NewSession(Config{Stdout: &stderr, Stderr: &stderr, Origin: testOrigin}), nil, &stderr, func(func(context.Context)) {
			runs = append(runs, "run")
		})
		lines := strings.Split(tc.text, "\n")
		for _, line := range lines {
			e.enter(line)
		}
		ranBefore := len(runs) // statements a ';' ended
		e.enter("")
		if got := len(runs) > ranBefore; got != tc.runs {
			t.Errorf("%q then an empty line: ran %v, want %v", tc.text, got, tc.runs)
		}
		if waits := !tc.runs && hasTokens(tc.text); (e.prompt() != promptFirst) != waits {
			t.Errorf("%q then an empty line: prompt %q", tc.text, e.prompt())
		}
	}
}
