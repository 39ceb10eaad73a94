package repl

import "testing"

func TestNeedsMore(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"", false},
		{"-- only a comment", false},
		{"SELECT", true},
		{"SELECT Name", true},
		{"SELECT Name,", true},
		{"SELECT Name FROM", true},
		{"SELECT Name FROM Task", false},
		{"select name from task where", true},
		{"SELECT Name FROM Task WHERE State =", true},
		{"SELECT Name FROM Task WHERE State = 'Active'", false},
		{"SELECT Name FROM Task WHERE (State = 'Active'", true},
		{"SELECT Name FROM Task WHERE State = 'Active' AND", true},
		{"SELECT Name FROM Task ORDER", true},
		{"SELECT Name FROM Task ORDER BY", true},
		{"SELECT Name FROM Task ORDER BY Name", false},
		{"SELECT Name FROM Task LIMIT", true},
		{"SELECT Name FROM Task LIMIT 5", false},
		{"SELECT Manager. FROM Task", false}, // wrong, not unfinished: run it and show why
		{"SELECT Name FROM Task /* still", true},
		{"SELECT Name FROM Task WHERE Name = 'open", false}, // strings end with their line
		{"SELECT Name, (SELECT Name FROM Resources) FROM Task", false},
		{"SELECT Name, (SELECT Name FROM Resources", true},
		{"SELEC Name FROM Task", false},
		{"SELECT Name FROM Task)", false},
	} {
		if got := needsMore(tc.text); got != tc.want {
			t.Errorf("needsMore(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
