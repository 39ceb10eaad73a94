package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMELintExample runs the `czql lint` example of the README from
// the repository root and compares its output with what the README shows.
// It changes the working directory, so it does not run in parallel.
func TestREADMELintExample(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```text\n\\$ czql (lint [^\n]*)\n(.*?)```").FindSubmatch(data)
	if m == nil {
		t.Fatal("README has no czql lint example")
	}
	t.Chdir("../..")
	var out bytes.Buffer
	code := Main(strings.Fields(string(m[1])), strings.NewReader(""), &out, &out)
	if out.String() != string(m[2]) {
		t.Errorf("README example czql %s:\ngot:\n%s\nREADME shows:\n%s", m[1], &out, m[2])
	}
	if code != ExitErrors {
		t.Errorf("exit code %d, want %d (the example has errors)", code, ExitErrors)
	}
}
