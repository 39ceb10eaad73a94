package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzHistoryEntry checks that any entry survives the history file's
// encoding on one line, and that any file content loads without a panic
// into entries that are all non-blank, distinct and at most the limit.
func FuzzHistoryEntry(f *testing.F) {
	for _, s := range []string{"", "SELECT 1;", "a\nb", `\n`, `\\n`, "\\", "x\\", "\r\n", "--c\nSELECT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := encodeHistoryEntry(s)
		if strings.Contains(line, "\n") {
			t.Fatalf("encoding of %q spans lines: %q", s, line)
		}
		if got := decodeHistoryEntry(line); got != s {
			t.Fatalf("round trip of %q gave %q", s, got)
		}
		path := filepath.Join(t.TempDir(), "history")
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		h, err := openHistory(path, 3)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		entries := h.Entries()
		if len(entries) > 3 {
			t.Fatalf("%d entries over the limit of 3", len(entries))
		}
		for _, e := range entries {
			if strings.TrimSpace(e) == "" || seen[e] {
				t.Fatalf("entries %q of file %q: blank or repeated", entries, s)
			}
			seen[e] = true
		}
	})
}
