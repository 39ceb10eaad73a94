package repl

import (
	"context"
	"os"
	"os/exec"
	"strings"
)

// metaEdit is \e where there is no terminal to edit on.
func (s *Session) metaEdit(_ context.Context, _ string) {
	s.errorf(`\e needs a terminal: it edits the statement in $VISUAL or $EDITOR`)
}

// isEditLine reports whether line is \e or \edit.
func isEditLine(line string) bool {
	name, _, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), `\`)), " ")
	c, ok := findMeta(name)
	return ok && c.name == "e"
}

// edit opens the pending statement, or else the last one run, in the
// user's editor ($VISUAL, else $EDITOR, else vi) and runs what the file
// holds when the editor exits successfully: each statement its ';'
// ends, and what follows the last ';' as well. An empty file runs
// nothing.
func (e *editor) edit() {
	text := strings.TrimSpace(e.pending)
	if text == "" {
		text = strings.TrimSpace(e.s.last)
	}
	e.pending = ""
	edited, err := editText(text)
	if err != nil {
		e.s.errorf(`\e: %v`, err)
		return
	}
	if strings.TrimSpace(edited) == "" {
		return
	}
	e.add(strings.TrimRight(edited, "\n"))
	e.runPending()
}

// editText writes text to a temporary .czql file, runs the editor on it
// (through sh, so that EDITOR may hold arguments) and returns what the
// file holds afterwards.
func editText(text string) (string, error) {
	f, err := os.CreateTemp("", "czql-edit-*.czql")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	_, err = f.WriteString(text + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	cmd := exec.Command("sh", "-c", editorCommand()+` "$1"`, "sh", f.Name())
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", err
	}
	data, err := os.ReadFile(f.Name())
	return string(data), err
}

// editorCommand is $VISUAL, else $EDITOR, else vi.
func editorCommand() string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if cmd := strings.TrimSpace(os.Getenv(name)); cmd != "" {
			return cmd
		}
	}
	return "vi"
}
