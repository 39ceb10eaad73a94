package repl

import (
	"strings"
	"unicode/utf8"

	prompt "github.com/c-bata/go-prompt"
)

// historySearch is Ctrl+R. go-prompt (v0.2.6) has no incremental
// reverse search, so this is a simpler one: Ctrl+R replaces the line
// with the newest history entry that contains the text typed (in any
// case), and each further Ctrl+R, the line unchanged, with the next
// older match. Enter runs the entry shown.
type historySearch struct {
	query string // the text searched for
	shown string // the entry last put on the line
	next  int    // the index of the entry to look at first, going back
}

// search handles a Ctrl+R on buf.
func (e *editor) search(buf *prompt.Buffer) {
	entries := recallable(e.hist)
	s := &e.searching
	if buf.Text() != s.shown || s.shown == "" {
		s.query, s.next = buf.Text(), len(entries)-1
	}
	query := strings.ToLower(strings.TrimSpace(s.query))
	for i := min(s.next, len(entries)-1); i >= 0; i-- {
		if strings.Contains(strings.ToLower(entries[i]), query) && entries[i] != buf.Text() {
			s.shown, s.next = entries[i], i-1
			replaceLine(buf, entries[i])
			return
		}
	}
}

// replaceLine puts text in place of the line being edited, the cursor
// at its end.
func replaceLine(buf *prompt.Buffer, text string) {
	d := buf.Document()
	buf.CursorRight(utf8.RuneCountInString(d.TextAfterCursor()))
	buf.DeleteBeforeCursor(utf8.RuneCountInString(buf.Text()))
	buf.InsertText(text, false, true)
}
