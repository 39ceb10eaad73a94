package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/czql/czql/internal/ptytest"
)

// TestStdinHintOnTerminal checks that the commands that read standard
// input when given no file say so in one line on standard error when it is
// a terminal, instead of waiting silently, and say nothing otherwise (a
// pipe, a file, -q). The terminal is the env's isTerminal, injected.
func TestStdinHintOnTerminal(t *testing.T) {
	t.Chdir(t.TempDir()) // no .czql.yaml above
	const query = "SELECT Name FROM Task LIMIT 1"
	for _, tc := range []struct {
		args  []string
		stdin string
		hint  string // "" when none is wanted
	}{
		{[]string{"lint"}, query, "czql lint: reading queries from standard input (end with Ctrl-D)\n"},
		{[]string{"lint", "-"}, query, "czql lint: reading queries from standard input (end with Ctrl-D)\n"},
		{[]string{"fmt"}, query, "czql fmt: reading queries from standard input (end with Ctrl-D)\n"},
		{[]string{"translate"}, query, "czql translate: reading queries from standard input (end with Ctrl-D)\n"},
		{[]string{"translate", "--reverse"}, `{"typeName": "Task", "fields": ["Name"]}`, "czql translate: reading request JSON from standard input (end with Ctrl-D)\n"},
		{[]string{"parse"}, query, "czql parse: reading queries from standard input (end with Ctrl-D)\n"},
		{[]string{"translate", "-q", query}, "", ""},
		{[]string{"lint", "-q", query}, "", ""},
	} {
		for _, terminal := range []bool{true, false} {
			var stdout, stderr bytes.Buffer
			stdin := strings.NewReader(tc.stdin)
			e := &env{ctx: context.Background(), stdin: stdin, stdout: &stdout, stderr: &stderr,
				isTerminal: func(r io.Reader) bool { return terminal && r == io.Reader(stdin) }}
			code := run(e, tc.args)
			if code != ExitOK {
				t.Errorf("czql %s: exit code %d: %s", strings.Join(tc.args, " "), code, &stderr)
			}
			want := tc.hint
			if !terminal {
				want = ""
			}
			if got := firstHintLine(stderr.String()); got != want {
				t.Errorf("czql %s (terminal %v): hint %q, want %q; stderr:\n%s", strings.Join(tc.args, " "), terminal, got, want, &stderr)
			}
		}
	}
}

// TestRunStdinHintOnTerminal checks the hint of czql run, which reads its
// statements from standard input before it connects.
func TestRunStdinHintOnTerminal(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	var stdout, stderr bytes.Buffer
	stdin := strings.NewReader("SELECT Name FROM Task LIMIT 0")
	e := &env{ctx: context.Background(), stdin: stdin, stdout: &stdout, stderr: &stderr,
		isTerminal: func(io.Reader) bool { return true }}
	run(e, []string{"run"})
	if !strings.HasPrefix(stderr.String(), "czql run: reading queries from standard input (end with Ctrl-D)\n") {
		t.Errorf("stderr:\n%s", &stderr)
	}
}

// TestReaderIsTerminal checks the real test of Main: a pseudo-terminal
// is a terminal; a pipe and a file, /dev/null among them, are not, nor is
// a reader that is not a file.
func TestReaderIsTerminal(t *testing.T) {
	_, slave := ptytest.Pair(t)
	if !readerIsTerminal(slave) {
		t.Error("a pseudo-terminal is not taken for a terminal")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	for _, rd := range []io.Reader{r, devNull, strings.NewReader("")} {
		if readerIsTerminal(rd) {
			t.Errorf("%T %v is taken for a terminal", rd, rd)
		}
	}
}

// firstHintLine returns the first line of stderr when it is a hint about
// standard input, or "".
func firstHintLine(stderr string) string {
	line, _, _ := strings.Cut(stderr, "\n")
	if strings.Contains(line, "standard input") && strings.HasPrefix(line, "czql ") {
		return line + "\n"
	}
	return ""
}
