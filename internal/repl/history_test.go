package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// envOf returns a getenv over env.
func envOf(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

func TestHistoryPath(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"CZQL_HISTFILE wins", map[string]string{"CZQL_HISTFILE": "h.txt", "XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "h.txt"},
		{"XDG_STATE_HOME", map[string]string{"XDG_STATE_HOME": "/state", "HOME": "/home/u"}, "/state/czql/history"},
		{"relative XDG_STATE_HOME ignored", map[string]string{"XDG_STATE_HOME": "state", "HOME": "/home/u"}, "/home/u/.local/state/czql/history"},
		{"HOME", map[string]string{"HOME": "/home/u"}, "/home/u/.local/state/czql/history"},
		{"relative HOME", map[string]string{"HOME": "u"}, ""},
		{"nothing", map[string]string{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := historyPath(envOf(tt.env)); got != tt.want {
				t.Errorf("historyPath = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHistoryEntryEncoding(t *testing.T) {
	tests := []struct{ entry, line string }{
		{"SELECT Name FROM Task", "SELECT Name FROM Task"},
		{"SELECT Name\nFROM Task", `SELECT Name\nFROM Task`},
		{`WHERE Path = 'C:\new'`, `WHERE Path = 'C:\\new'`},
		{"a\\\nb", `a\\\nb`},
		{`\`, `\\`},
	}
	for _, tt := range tests {
		if got := encodeHistoryEntry(tt.entry); got != tt.line {
			t.Errorf("encode(%q) = %q, want %q", tt.entry, got, tt.line)
		}
		if got := decodeHistoryEntry(tt.line); got != tt.entry {
			t.Errorf("decode(%q) = %q, want %q", tt.line, got, tt.entry)
		}
	}
	// Malformed escapes are kept literally.
	for line, want := range map[string]string{`a\tb`: `a\tb`, `end\`: `end\`, `\x\n`: "\\x\n"} {
		if got := decodeHistoryEntry(line); got != want {
			t.Errorf("decode(%q) = %q, want %q", line, got, want)
		}
	}
}

// newHistory opens a history at a path in a new temporary directory.
func newHistory(t *testing.T, limit int) (*history, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state", "czql", "history")
	h, err := openHistory(path, limit)
	if err != nil {
		t.Fatal(err)
	}
	return h, path
}

// add adds entries to h, failing the test on an error.
func add(t *testing.T, h *history, entries ...string) {
	t.Helper()
	for _, e := range entries {
		if err := h.Add(e); err != nil {
			t.Fatal(err)
		}
	}
}

// reopen loads the history file at path again.
func reopen(t *testing.T, path string, limit int) []string {
	t.Helper()
	h, err := openHistory(path, limit)
	if err != nil {
		t.Fatal(err)
	}
	return h.Entries()
}

func TestHistoryRoundTripsMultiLineEntries(t *testing.T) {
	h, path := newHistory(t, 0)
	entries := []string{
		"SELECT Name\nFROM Task\n-- a comment\nWHERE Path = 'C:\\new'",
		`\set format json`,
		"SELECT a FROM b WHERE c = 'x\\\\n'",
	}
	add(t, h, entries...)
	add(t, h, "", "  \n\t") // blank entries are ignored
	if got := h.Entries(); !slices.Equal(got, entries) {
		t.Errorf("Entries = %q, want %q", got, entries)
	}
	if got := reopen(t, path, 0); !slices.Equal(got, entries) {
		t.Errorf("reloaded = %q, want %q", got, entries)
	}
	data, _ := os.ReadFile(path)
	if n := strings.Count(string(data), "\n"); n != len(entries) {
		t.Errorf("file has %d lines, want one per entry:\n%s", n, data)
	}
}

func TestHistoryCollapsesDuplicates(t *testing.T) {
	h, path := newHistory(t, 0)
	add(t, h, "a", "b", "a", "c", "b")
	want := []string{"a", "c", "b"}
	if got := h.Entries(); !slices.Equal(got, want) {
		t.Errorf("Entries = %q, want %q", got, want)
	}
	if got := reopen(t, path, 0); !slices.Equal(got, want) {
		t.Errorf("reloaded = %q, want %q", got, want)
	}
}

func TestHistoryKeepsTheNewestLimitEntries(t *testing.T) {
	h, path := newHistory(t, 3)
	add(t, h, "1", "2", "3", "4", "2")
	want := []string{"3", "4", "2"}
	if got := h.Entries(); !slices.Equal(got, want) {
		t.Errorf("Entries = %q, want %q", got, want)
	}
	if got := reopen(t, path, 3); !slices.Equal(got, want) {
		t.Errorf("reloaded = %q, want %q", got, want)
	}
	if got := reopen(t, path, 2); !slices.Equal(got, []string{"4", "2"}) {
		t.Errorf("reloaded with limit 2 = %q, want [4 2]", got)
	}
}

func TestHistoryCompactsPastTwiceTheLimit(t *testing.T) {
	h, path := newHistory(t, 3)
	add(t, h, "1", "2", "1", "3", "4", "5") // 6 lines: not yet past 2×3
	if got := fileLines(t, path); len(got) != 6 {
		t.Fatalf("file = %q, want 6 lines before compaction", got)
	}
	add(t, h, "4\nmore") // the 7th line compacts
	want := []string{"4", "5", `4\nmore`}
	if got := fileLines(t, path); !slices.Equal(got, want) {
		t.Errorf("compacted file = %q, want %q", got, want)
	}
	checkMode(t, path, 0o600)
	add(t, h, "6")
	if got := fileLines(t, path); len(got) != 4 {
		t.Errorf("after compaction appends go on: file = %q", got)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".history.*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

func TestHistoryCompactionNeverLoosensTheMode(t *testing.T) {
	h, path := newHistory(t, 1)
	add(t, h, "a")
	if err := os.Chmod(path, 0o644); err != nil { // loosened by the user
		t.Fatal(err)
	}
	add(t, h, "b", "c") // compacts
	checkMode(t, path, 0o600)
	if got := fileLines(t, path); !slices.Equal(got, []string{"c"}) {
		t.Errorf("compacted file = %q, want [c]", got)
	}
	// A file tighter than 0600 stays as tight.
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("d\n")); err != nil {
		t.Fatal(err)
	}
	checkMode(t, path, 0o400)
}

func TestHistoryCompactionFollowsASymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "dotfiles-history")
	link := filepath.Join(dir, "history")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	h, err := openHistory(link, 1)
	if err != nil {
		t.Fatal(err)
	}
	add(t, h, "a", "b", "c")
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("compaction replaced the symbolic link: %v %v", info, err)
	}
	if got := fileLines(t, target); !slices.Equal(got, []string{"c"}) {
		t.Errorf("target = %q, want [c]", got)
	}
}

// fileLines returns the lines of the file at path.
func fileLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// checkMode fails the test unless the file or directory at path has the
// permissions perm.
func checkMode(t *testing.T, path string, perm os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != perm {
		t.Errorf("%s has mode %v, want %v", path, got, perm)
	}
}

func TestHistoryCreatesItsDirectoryAndFilePrivate(t *testing.T) {
	h, path := newHistory(t, 0)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("openHistory created the file: %v", err)
	}
	add(t, h, "SELECT 1")
	checkMode(t, filepath.Dir(path), 0o700)
	checkMode(t, filepath.Dir(filepath.Dir(path)), 0o700)
	checkMode(t, path, 0o600)
}

func TestHistoryKeepsTheModeOfAnExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o640) // whatever the umask
	h, err := openHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	add(t, h, "new")
	checkMode(t, path, 0o640)
}

func TestHistoryTwoWritersShareTheFile(t *testing.T) {
	a, path := newHistory(t, 0)
	b, err := openHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	add(t, a, "from a\nline 2")
	add(t, b, "from b")
	add(t, a, "again a")
	add(t, b, "from a\nline 2")
	want := []string{"from b", "from a\nline 2"}
	if got := b.Entries(); !slices.Equal(got, want) {
		t.Errorf("b's entries = %q, want %q (each keeps its own session)", got, want)
	}
	want = []string{"from b", "again a", "from a\nline 2"}
	if got := reopen(t, path, 0); !slices.Equal(got, want) {
		t.Errorf("reloaded = %q, want %q", got, want)
	}
}

func TestHistoryConcurrentAppendsKeepLinesWhole(t *testing.T) {
	_, path := newHistory(t, 0)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			h, err := openHistory(path, 10000)
			if err != nil {
				t.Error(err)
				return
			}
			for i := range each {
				// Long multi-line entries: a torn write would show.
				entry := fmt.Sprintf("SELECT %d_%d\n%s", w, i, strings.Repeat("x\\y ", 1000))
				if err := h.Add(entry); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	got := reopen(t, path, 10000)
	if len(got) != writers*each {
		t.Fatalf("reloaded %d entries, want %d", len(got), writers*each)
	}
	for _, e := range got {
		head, body, _ := strings.Cut(e, "\n")
		if !strings.HasPrefix(head, "SELECT ") || body != strings.Repeat("x\\y ", 1000) {
			t.Fatalf("torn entry %.60q…", e)
		}
	}
}

func TestHistoryUnwritableIsAnErrorNotAPanic(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	// The history's directory would be under a file.
	h, err := openHistory(filepath.Join(blocker, "czql", "history"), 0)
	if err == nil {
		t.Error("openHistory under a file succeeded")
	}
	if err := h.Add("SELECT 1"); err == nil {
		t.Error("Add under a file succeeded")
	}
	if got := h.Entries(); !slices.Equal(got, []string{"SELECT 1"}) {
		t.Errorf("Entries = %q: the entry must stay in memory", got)
	}
}

func TestHistoryReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only directories")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	h, err := openHistory(filepath.Join(dir, "history"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.Add("SELECT 1"); err == nil {
		t.Error("Add succeeded in a read-only directory")
	}
}

func TestHistoryUnreadableFileStillGivesAHistory(t *testing.T) {
	dir := t.TempDir() // a directory where the file should be
	h, err := openHistory(dir, 0)
	if err == nil {
		t.Fatal("openHistory of a directory succeeded")
	}
	if h == nil || len(h.Entries()) != 0 {
		t.Fatalf("openHistory = %v; want an empty, usable history", h)
	}
	if err := h.Add("SELECT 1"); err == nil {
		t.Error("Add to a directory succeeded")
	}
}

func TestHistoryInMemoryWithoutAPath(t *testing.T) {
	h, err := openHistory("", 0)
	if err != nil {
		t.Fatal(err)
	}
	add(t, h, "a", "b")
	if got := h.Entries(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Entries = %q", got)
	}
}

func TestHistoryOneLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one line", "SELECT Name FROM Task", "SELECT Name FROM Task"},
		{"lines joined", "SELECT Name,\n       Id\nFROM Task\n", "SELECT Name, Id FROM Task"},
		{"line comments", "-- top\nSELECT Name -- the name\nFROM Task -- end", "SELECT Name FROM Task"},
		{"block comment", "SELECT /* all\nof them */ Name FROM/**/Task", "SELECT Name FROM Task"},
		{"space in a line kept", "SELECT  Name FROM Task", "SELECT  Name FROM Task"},
		{"string with --", "SELECT Name FROM Task WHERE Name = 'a -- b'\n", "SELECT Name FROM Task WHERE Name = 'a -- b'"},
		{"string with /*", "WHERE Name = \"x /* y */\" -- c", "WHERE Name = \"x /* y */\""},
		{"comment glued to a token", "SELECT a--c\nFROM b", "SELECT a FROM b"},
		{"CRLF", "SELECT a\r\nFROM b\r\n", "SELECT a FROM b"},
		{"only comments", "-- nothing\n/* here */", ""},
		{"meta-command", `\describe Task`, `\describe Task`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := historyOneLine(tt.in); got != tt.want {
				t.Errorf("historyOneLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
