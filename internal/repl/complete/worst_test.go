package complete

import (
	"strings"
	"testing"
	"time"
)

// TestLargeInputsStayLinear checks that pathological input (deep nesting,
// long buffers) is completed in time linear in its size.
func TestLargeInputsStayLinear(t *testing.T) {
	md := fixture(t, 0)
	inputs := map[string]string{
		"nested relation sub-selects": strings.Repeat("SELECT Name, (", 20000) + "SELECT Na",
		"nested condition parens":     "SELECT Name FROM Task WHERE " + strings.Repeat("(", 50000) + "St",
		"many statements":             strings.Repeat("SELECT Name FROM Task WHERE State = 'Active';\n", 5000) + "SELECT Name FROM Task WHERE State = '",
		"many select items":           "SELECT " + strings.Repeat("Name, ", 30000) + "Na",
	}
	for name, text := range inputs {
		start := time.Now()
		res := Complete(md, text, len(text))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(text))
		}
		checkWellFormed(t, text, len(text), res)
	}
}
