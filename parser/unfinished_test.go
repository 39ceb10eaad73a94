package parser

import "testing"

func TestUnfinished(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"", false},
		{"SELECT", true},
		{"SELECT Name", true},
		{"SELECT Name,", true},
		{"SELECT Name FROM", true},
		{"SELECT Name FROM Task", false},
		{"SELECT Name FROM Task WHERE", true},
		{"SELECT Name FROM Task WHERE a = 1 AND", true},
		{"SELECT Name FROM Task WHERE a =", true},
		{"SELECT Name FROM Task WHERE a IN (1, 2", true},
		{"SELECT Name FROM Task WHERE a IN (1, 2)", false},
		{"SELECT Name FROM Task ORDER BY", true},
		{"SELECT Name FROM Task LIMIT", true},
		{"SELECT Name FROM Task /* more", true},
		{"SELECT Name FROM Task WHERE a = = 1", false},
		{"SELECT Name FROM Task;", false},
		{"SELECT Name FROM Task; SELECT Id", true},
		{"SELECT Name, Manager.", true},
		{"SELECT Name FROM Task -- done", false},
	} {
		if got := Unfinished(tc.src); got != tc.want {
			t.Errorf("Unfinished(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
