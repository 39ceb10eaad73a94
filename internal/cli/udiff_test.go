package cli

import (
	"fmt"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	numbered := func(n int, changed ...int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			mark := ""
			for _, c := range changed {
				if c == i {
					mark = " changed"
				}
			}
			fmt.Fprintf(&b, "line %d%s\n", i, mark)
		}
		return b.String()
	}
	tests := []struct {
		name, a, b, want string
	}{
		{name: "equal", a: "x\n", b: "x\n", want: ""},
		{
			name: "one line",
			a:    "select name from task\n",
			b:    "SELECT Name FROM Task\n",
			want: "--- a/q.czql\n+++ b/q.czql\n@@ -1 +1 @@\n-select name from task\n+SELECT Name FROM Task\n",
		},
		{
			name: "context of three lines, far changes in two hunks",
			a:    numbered(20),
			b:    numbered(20, 2, 18),
			want: "--- a/q.czql\n+++ b/q.czql\n" +
				"@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line 2 changed\n line 3\n line 4\n line 5\n" +
				"@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n+line 18 changed\n line 19\n line 20\n",
		},
		{
			name: "changes six lines apart share a hunk",
			a:    numbered(12),
			b:    numbered(12, 3, 10),
			want: "--- a/q.czql\n+++ b/q.czql\n@@ -1,12 +1,12 @@\n line 1\n line 2\n-line 3\n+line 3 changed\n" +
				" line 4\n line 5\n line 6\n line 7\n line 8\n line 9\n-line 10\n+line 10 changed\n line 11\n line 12\n",
		},
		{
			name: "missing final newline",
			a:    "SELECT Name FROM Task",
			b:    "SELECT Name FROM Task\n",
			want: "--- a/q.czql\n+++ b/q.czql\n@@ -1 +1 @@\n-SELECT Name FROM Task\n\\ No newline at end of file\n+SELECT Name FROM Task\n",
		},
		{
			name: "from empty",
			a:    "",
			b:    "a\nb\n",
			want: "--- a/q.czql\n+++ b/q.czql\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		},
		{
			name: "insertion keeps line numbers",
			a:    "a\nb\nc\nd\ne\n",
			b:    "a\nb\nc\nX\nd\ne\n",
			want: "--- a/q.czql\n+++ b/q.czql\n@@ -1,5 +1,6 @@\n a\n b\n c\n+X\n d\n e\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(unifiedDiff("a/q.czql", "b/q.czql", []byte(tt.a), []byte(tt.b)))
			if got != tt.want {
				t.Errorf("unifiedDiff:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
