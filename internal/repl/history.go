package repl

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/lexer"
)

// The REPL keeps the statements it ran in a history file, one entry per
// statement, appended as entered so that a crash loses nothing and
// several REPLs can share the file. An entry is one line of the file:
// backslashes and newlines are escaped (`\\` and `\n`), so a statement
// that spans lines stays one entry. Compaction drops duplicates and old
// entries once the file has twice as many lines as the limit.
//
// Passwords never reach the history: they are read by tty.ReadPassword,
// never by the line editor, and the caller adds only statements and
// meta-commands, never the answers to a prompt.

// defaultHistoryLimit is how many entries the history keeps when the
// caller gives no limit.
const defaultHistoryLimit = 1000

// historyPath returns where the history lives: $CZQL_HISTFILE if set, else
// $XDG_STATE_HOME/czql/history if XDG_STATE_HOME is an absolute path (the
// XDG spec ignores relative ones), else $HOME/.local/state/czql/history if
// HOME is absolute, else "" (no history file).
func historyPath(getenv func(string) string) string {
	if p := getenv("CZQL_HISTFILE"); p != "" {
		return p
	}
	if dir := getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "czql", "history")
	}
	if home := getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".local", "state", "czql", "history")
	}
	return ""
}

// history is the REPL's statement history, in memory and in its file.
// It is not safe for concurrent use; separate processes may share a file.
type history struct {
	path    string   // "" keeps the history in memory only
	limit   int      // entries kept
	entries []string // oldest first, no two equal
	lines   int      // lines in the file as far as this history knows
}

// openHistory loads the history file at path, keeping the newest limit
// entries (defaultHistoryLimit if limit ≤ 0), each only at its latest
// position. A missing file is an empty history and path "" keeps the
// history in memory. openHistory always returns a usable history: when the
// file cannot be read it returns an empty one along with the error, and
// the REPL goes on without the old entries.
func openHistory(path string, limit int) (*history, error) {
	if limit <= 0 {
		limit = defaultHistoryLimit
	}
	h := &history{path: path, limit: limit}
	if path == "" {
		return h, nil
	}
	entries, err := readHistoryFile(path)
	if err != nil {
		return h, err
	}
	h.lines = len(entries)
	h.entries = collapseHistory(entries, limit)
	return h, nil
}

// Entries returns the entries, oldest first; a multi-line statement is one
// entry with its newlines.
func (h *history) Entries() []string {
	return append([]string(nil), h.entries...)
}

// Add records entry, unless it is blank: in memory it becomes the newest
// entry (an equal older one is dropped), and it is appended to the file at
// once, in one write, so that concurrent REPLs never mix their lines. The
// history directory is created 0700 and the file 0600; an existing file
// keeps its mode. When the file grows past twice the limit it is rewritten
// compacted. An unwritable file does not lose the entry in memory: Add
// returns the error, which the caller reports once and then ignores.
// The caller must never pass a password.
func (h *history) Add(entry string) error {
	if strings.TrimSpace(entry) == "" {
		return nil
	}
	h.entries = collapseHistory(append(h.entries, entry), h.limit)
	if h.path == "" {
		return nil
	}
	if err := appendHistoryLine(h.path, encodeHistoryEntry(entry)); err != nil {
		return err
	}
	h.lines++
	if h.lines > 2*h.limit {
		return h.compact()
	}
	return nil
}

// compact rewrites the file with its newest limit entries, each once. It
// reads the file again, so entries other REPLs appended are kept; one that
// another REPL appends while the file is rewritten can be lost.
func (h *history) compact() error {
	entries, err := readHistoryFile(h.path)
	if err != nil {
		return err
	}
	kept := collapseHistory(entries, h.limit)
	var b strings.Builder
	for _, e := range kept {
		b.WriteString(encodeHistoryEntry(e))
		b.WriteByte('\n')
	}
	if err := writeFileAtomic(h.path, []byte(b.String())); err != nil {
		return err
	}
	h.lines = len(kept)
	return nil
}

// readHistoryFile returns the entries of the history file at path, oldest
// first, duplicates included. A missing file has no entries.
func readHistoryFile(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var entries []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if entry := decodeHistoryEntry(line); strings.TrimSpace(entry) != "" {
			entries = append(entries, entry)
		}
	}
	return entries, nil
}

// collapseHistory returns the newest limit entries of entries (oldest
// first), each only at its latest position.
func collapseHistory(entries []string, limit int) []string {
	seen := make(map[string]bool, len(entries))
	var newestFirst []string
	for i := len(entries) - 1; i >= 0 && len(newestFirst) < limit; i-- {
		if e := entries[i]; !seen[e] {
			seen[e] = true
			newestFirst = append(newestFirst, e)
		}
	}
	slices.Reverse(newestFirst)
	return newestFirst
}

// historyEscaper escapes an entry onto one line of the history file.
var historyEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`)

// encodeHistoryEntry returns entry as one line of the history file, without
// the line's newline: `\` for a backslash, `\n` for a newline.
func encodeHistoryEntry(entry string) string {
	return historyEscaper.Replace(entry)
}

// decodeHistoryEntry reverses encodeHistoryEntry. A backslash that starts no
// escape (a line written by hand, or cut short) is kept as it is.
func decodeHistoryEntry(line string) string {
	if !strings.Contains(line, `\`) {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' && i+1 < len(line) {
			switch line[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(line[i])
	}
	return b.String()
}

// appendHistoryLine appends line and a newline to the file at path in one
// write (O_APPEND makes concurrent appends land whole), creating the
// directory 0700 and the file 0600 if they are missing.
func appendHistoryLine(path, line string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write([]byte(line + "\n"))
	return errors.Join(err, f.Close())
}

// writeFileAtomic replaces the file at path (the file a symbolic link
// points to, if path is one) with data, atomically
// (frontend.ReplaceFile). The new file is 0600, or tighter if the old one
// was.
func writeFileAtomic(path string, data []byte) error {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	perm := fs.FileMode(0o600)
	if info, err := os.Stat(path); err == nil {
		perm &= info.Mode().Perm()
	}
	return frontend.ReplaceFile(path, data, perm)
}

// historyOneLine returns the form of a statement that the line editor,
// whose buffer holds a single line, recalls from the history: comments are
// removed and every run of spaces and comments that held a newline or a
// comment becomes one space; leading and trailing space and comments go.
// Strings, and the space inside a line, are kept as written. The result is
// "" for a statement that is only comments. (It is not table_text.go's
// oneLine, which escapes control characters for display.)
func historyOneLine(entry string) string {
	var b strings.Builder
	sc := lexer.NewScanner(entry)
	gapStart, gapHasComment := 0, false
	for {
		tok := sc.Next()
		if tok.Kind == lexer.Comment {
			gapHasComment = true
			continue
		}
		if tok.Kind == lexer.EOF {
			return b.String()
		}
		gap := entry[gapStart:tok.Start]
		switch {
		case b.Len() == 0:
			// leading space and comments go
		case gapHasComment || strings.ContainsRune(gap, '\n'):
			b.WriteByte(' ')
		default:
			b.WriteString(gap)
		}
		b.WriteString(tok.Value)
		gapStart, gapHasComment = tok.End(), false
	}
}
