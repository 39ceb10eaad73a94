package repl

import (
	"context"
	"strings"
	"testing"
)

// TestEachPageIsOneCall checks that a statement and each \more send one
// API call, for the page they show, and that "more available" follows
// the answer's paging.hasMore: the small dataset's 5 tasks in pages of 2
// take three calls, and a statement whose first page holds every row
// takes one and offers no \more.
func TestEachPageIsOneCall(t *testing.T) {
	s, _, stderr := sandboxSession(t, Config{})
	ctx := context.Background()
	for _, step := range []struct {
		input string
		calls int64
		note  string
	}{
		{"SELECT Name FROM Task ORDER BY Name LIMIT 2;", 1, "2 rows, more available: \\more\n"},
		{`\more`, 1, "2 rows, more available: \\more\n"},
		{`\more`, 1, "1 row\n"},
		{`\more`, 0, "czql-repl: no more rows: there is no result with more rows to show\n"},
		{"SELECT Name FROM Task ORDER BY Name LIMIT 5;", 1, "5 rows\n"},
		{`\more`, 0, "czql-repl: no more rows: there is no result with more rows to show\n"},
		{"SELECT Name FROM Task ORDER BY Name LIMIT 4;", 1, "4 rows, more available: \\more\n"},
		{`\all`, 1, "1 row\n"},
	} {
		before := s.cfg.Calls()
		stderr.Reset()
		if strings.HasPrefix(step.input, `\`) {
			s.ExecMeta(ctx, step.input)
		} else {
			s.ExecStatement(ctx, step.input)
		}
		if n := s.cfg.Calls() - before; n != step.calls {
			t.Errorf("%s: %d API calls, want %d", step.input, n, step.calls)
		}
		check(t, step.input, stderr.String(), step.note)
	}
}
