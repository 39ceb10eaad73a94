package complete

import (
	"strings"
	"testing"
)

// promptSeparators are the characters at which the go-prompt front end
// ends the word it replaces.
const promptSeparators = " \t\n(),=<>!;."

// FuzzComplete checks that Complete never panics and that its result is
// well formed for any text and cursor: 0 <= Start <= cursor <= len(text),
// no empty item, and a replaced word that the front end sees as one word
// (unless it is a string being typed).
func FuzzComplete(f *testing.F) {
	for _, tc := range completeCases {
		text, cursor := splitCursor(f, tc.in)
		f.Add(text, cursor)
	}
	md := fixture(f, 0)
	f.Fuzz(func(t *testing.T, text string, cursor int) {
		at := min(max(cursor, 0), len(text))
		for _, res := range []Result{Complete(md, text, cursor), Complete(nil, text, cursor)} {
			checkWellFormed(t, text, at, res)
		}
	})
}

// checkWellFormed checks the invariants of one result.
func checkWellFormed(t *testing.T, text string, cursor int, res Result) {
	t.Helper()
	if res.Start < 0 || res.Start > cursor {
		t.Fatalf("Start %d outside [0, %d]", res.Start, cursor)
	}
	for _, it := range res.Items {
		if it.Text == "" {
			t.Fatalf("empty item %+v", it)
		}
	}
	word := text[res.Start:cursor]
	if len(res.Items) > 0 && !strings.HasPrefix(word, "'") && !strings.HasPrefix(word, `"`) &&
		strings.ContainsAny(word, promptSeparators) {
		t.Fatalf("replaced word %q holds a separator", word)
	}
}
