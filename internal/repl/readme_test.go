package repl

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// readme returns the README of the module.
func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// readmePrompt is the prompt on the embedded sandbox.
const readmePrompt = "demo@sandbox=> "

// TestREADMESession checks the czql-repl session of the README's quick
// start: its first screen is the note and hint the shell prints, and the
// output after each statement typed at the prompt is what czql-repl
// prints for it on the embedded sandbox.
func TestREADMESession(t *testing.T) {
	m := regexp.MustCompile("(?s)```sh\ngo run ./cmd/czql-repl\n```\n\n```text\n(.*?)```").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("README's quick start lacks the go run ./cmd/czql-repl session")
	}
	screen, rest, ok := strings.Cut(m[1], readmePrompt)
	if !ok {
		t.Fatal("the README session has no prompt")
	}
	note, hint, _ := strings.Cut(screen, "\n")
	sandboxOrigin := frontend.Origin{User: "demo", Host: frontend.SandboxHost, Embedded: true}
	if first := originLine(sandboxOrigin, metadata.New(), time.Now()) + welcomeText; hint != first {
		t.Errorf("README's first screen:\n%s\nczql-repl prints:\n%s", hint, first)
	}
	var input, want strings.Builder
	want.WriteString(note + "\n")
	for line := range strings.Lines(readmePrompt + rest) {
		if typed, ok := strings.CutPrefix(line, readmePrompt); ok {
			input.WriteString(typed)
		} else {
			want.WriteString(line)
		}
	}
	env := map[string]string{"HOME": t.TempDir(), "XDG_CACHE_HOME": t.TempDir()}
	var out bytes.Buffer
	code := run(context.Background(), nil, strings.NewReader(input.String()), &out, &out, func(k string) string { return env[k] })
	if code != ExitOK || out.String() != want.String() {
		t.Errorf("exit %d; czql-repl printed:\n%s\nREADME shows:\n%s", code, out.String(), want.String())
	}
}

// TestREADMEMetaCommands checks the README's list of meta-commands
// against \help.
func TestREADMEMetaCommands(t *testing.T) {
	m := regexp.MustCompile("(?s)```text\n(Statements end with ';'.*?)```").FindStringSubmatch(readme(t))
	if m == nil {
		t.Fatal("README lacks the \\help output")
	}
	r := runREPL(t, "\\help\n")
	if r.stdout != m[1] {
		t.Errorf("\\help prints:\n%s\nREADME shows:\n%s", r.stdout, m[1])
	}
}
