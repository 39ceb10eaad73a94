package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// files written into the working directory of TestExitCodes.
var exitFiles = map[string]string{
	"ok.czql":     "SELECT Name FROM Task WHERE State = 'Active';\n",
	"messy.czql":  "select name from task",
	"broken.czql": "SELECT Name FROM Task WHERE (State = 'Active'\n",
	"param.czql":  "SELECT Name FROM Task WHERE DueDate > :since\n",
	"body.json":   `{"typeName": "Task", "fields": ["Name"]}`,
	"bad.json":    `{"fields": 3}`,
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	for name, text := range exitFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	tests := []struct {
		args       []string
		stdin      string
		want       int
		wantStdout string // substring; "" means stdout must be empty
		wantStderr string // substring; "" means stderr must be empty
	}{
		{args: nil, want: ExitUsage, wantStderr: "Usage:"},
		{args: []string{"help"}, want: ExitOK, wantStdout: "Commands:"},
		{args: []string{"--help"}, want: ExitOK, wantStdout: "Commands:"},
		{args: []string{"help", "translate"}, want: ExitOK, wantStdout: "usage: czql translate"},
		{args: []string{"translate", "-h"}, want: ExitOK, wantStdout: "usage: czql translate"},
		{args: []string{"help", "nope"}, want: ExitUsage, wantStderr: `unknown command "nope"`},
		{args: []string{"transalte"}, want: ExitUsage, wantStderr: `did you mean "translate"?`},
		{args: []string{"lsp", "x"}, want: ExitUsage, wantStderr: "takes no arguments"},
		{args: []string{"lsp"}, stdin: "", want: ExitErrors}, // the end of the input before shutdown
		{args: []string{"version"}, want: ExitOK, wantStdout: "czql "},
		{args: []string{"version", "x"}, want: ExitUsage, wantStderr: "takes no arguments"},

		{args: []string{"translate", "-q", "SELECT Name FROM Task"}, want: ExitOK, wantStdout: `"url": "/data/entityQuery"`},
		{args: []string{"translate", "ok.czql", "--body"}, want: ExitOK, wantStdout: `"typeName": "Task"`},
		{args: []string{"translate"}, stdin: "SELECT Name FROM Task", want: ExitOK, wantStdout: `"typeName"`},
		{args: []string{"translate", "-q", "SELECT FROM Task"}, want: ExitErrors, wantStderr: "<query>:1:"},
		{args: []string{"translate", "broken.czql"}, want: ExitErrors, wantStderr: "broken.czql:1:"},
		{args: []string{"translate", "param.czql"}, want: ExitErrors, wantStderr: "missing-param"},
		{args: []string{"translate", "param.czql", "-p", "since=2024-05-01"}, want: ExitOK, wantStdout: `"2024-05-01"`},
		{args: []string{"translate", "-p", "since", "param.czql"}, want: ExitUsage, wantStderr: "since"},
		{args: []string{"translate", "nope.czql"}, want: ExitUsage, wantStderr: "czql: open nope.czql: no such file or directory"},
		{args: []string{"translate", "ok.czql", "param.czql"}, want: ExitUsage, wantStderr: "give one file"},
		{args: []string{"translate", "--bogus"}, want: ExitUsage, wantStderr: "unknown flag --bogus"},
		{args: []string{"translate", "--reverse", "body.json"}, want: ExitOK, wantStdout: "SELECT Name FROM Task\n"},
		{args: []string{"translate", "--reverse", "bad.json"}, want: ExitErrors, wantStderr: "bad.json"},

		{args: []string{"fmt", "ok.czql"}, want: ExitOK, wantStdout: "SELECT Name FROM Task"},
		{args: []string{"fmt"}, stdin: "select name from task", want: ExitOK, wantStdout: "SELECT name FROM task;\n"},
		{args: []string{"fmt", "-l", "messy.czql", "ok.czql"}, want: ExitOK, wantStdout: "messy.czql\n"},
		{args: []string{"fmt", "--check", "ok.czql"}, want: ExitOK},
		{args: []string{"fmt", "--check", "messy.czql", "ok.czql"}, want: ExitErrors, wantStdout: "messy.czql\n"},
		{args: []string{"fmt", "-d", "messy.czql"}, want: ExitOK, wantStdout: "+++ b/messy.czql"},
		{args: []string{"fmt", "broken.czql"}, want: ExitErrors, wantStderr: "broken.czql:1:29: error[syntax]"},
		{args: []string{"fmt", "-l", "nope.czql", "broken.czql"}, want: ExitUsage, wantStderr: "nope.czql"},
		{args: []string{"fmt", "-w", "-"}, want: ExitUsage, wantStderr: "cannot use -w with standard input"},
		{args: []string{"fmt", "-", "-"}, want: ExitUsage, wantStderr: "more than once"},

		{args: []string{"parse", "ok.czql"}, want: ExitOK, wantStdout: "Query"},
		{args: []string{"parse", "--ast", "-q", "SELECT Name FROM Task"}, want: ExitOK, wantStdout: `"schemaVersion": 1`},
		{args: []string{"parse", "broken.czql"}, want: ExitErrors, wantStdout: "Query", wantStderr: "broken.czql:1:"},
		{args: []string{"parse", "--ast", "broken.czql"}, want: ExitErrors, wantStdout: `"severity": "error"`},
		{args: []string{"parse", "nope.czql"}, want: ExitUsage, wantStderr: "no such file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := Main(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if got != tt.want {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.want, &stdout, &stderr)
			}
			checkOutput(t, "stdout", stdout.String(), tt.wantStdout)
			checkOutput(t, "stderr", stderr.String(), tt.wantStderr)
		})
	}
}

func checkOutput(t *testing.T, name, got, want string) {
	t.Helper()
	switch {
	case want == "" && got != "":
		t.Errorf("%s should be empty, got:\n%s", name, got)
	case !strings.Contains(got, want):
		t.Errorf("%s lacks %q:\n%s", name, want, got)
	}
}

func TestFmtWriteKeepsBrokenFileAndMode(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.czql")
	messy := filepath.Join(dir, "messy.czql")
	if err := os.WriteFile(broken, []byte(exitFiles["broken.czql"]), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(messy, []byte("select name from task"), 0o604); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(broken)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"fmt", "-w", dir}, nil, &stdout, &stderr); code != ExitErrors {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitErrors, &stderr)
	}
	if got, _ := os.ReadFile(broken); string(got) != exitFiles["broken.czql"] {
		t.Errorf("broken file rewritten: %q", got)
	}
	if after, _ := os.Stat(broken); !after.ModTime().Equal(before.ModTime()) {
		t.Error("broken file touched")
	}
	if got, _ := os.ReadFile(messy); string(got) != "SELECT name FROM task;\n" {
		t.Errorf("messy file = %q", got)
	}
	if fi, _ := os.Stat(messy); fi.Mode().Perm() != 0o604 {
		t.Errorf("mode of rewritten file = %v, want 0604", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("directory holds %d entries, want 2 (no temporary files)", len(entries))
	}
}

// blockingReader never returns, like a terminal nobody types into.
type blockingReader struct{ done chan struct{} }

func (r blockingReader) Read([]byte) (int, error) {
	<-r.done
	return 0, io.EOF
}

func TestInterruptWhileReadingStdin(t *testing.T) {
	stdin := blockingReader{done: make(chan struct{})}
	defer close(stdin.done)
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr bytes.Buffer
	e := &env{ctx: ctx, stdin: stdin, stdout: &stdout, stderr: &stderr}
	result := make(chan int, 1)
	go func() { result <- run(e, []string{"translate"}) }()
	time.Sleep(10 * time.Millisecond)
	cancel()
	select {
	case code := <-result:
		if code != ExitInterrupted {
			t.Errorf("exit code %d, want %d", code, ExitInterrupted)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("translate did not stop when interrupted")
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout not empty: %s", &stdout)
	}
}

// failingWriter fails every write, like a closed pipe.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrorIsReported(t *testing.T) {
	var stderr bytes.Buffer
	code := Main([]string{"translate", "-q", "SELECT Name FROM Task"}, nil, failingWriter{}, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "writing output") {
		t.Errorf("exit %d, stderr %q; want %d and a write error", code, &stderr, ExitUsage)
	}
}
