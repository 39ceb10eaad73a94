package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEExamples runs the examples of the README that need no files
// and compares their output with what the README shows: the quick start,
// and every ```text block that starts with "$ czql" and has no pipe.
func TestREADMEExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	quick := regexp.MustCompile("(?s)## Quick start.*?```sh\ngo run ./cmd/czql (.*?)\n```\n\n```json\n(.*?)```")
	m := quick.FindStringSubmatch(readme)
	if m == nil {
		t.Fatal("README has no quick start command followed by its JSON output")
	}
	checkExample(t, m[1], m[2])
	ran := 0
	for _, block := range regexp.MustCompile("(?s)```text\n(.*?)```").FindAllStringSubmatch(readme, -1) {
		cmd, out, ok := strings.Cut(block[1], "\n")
		if !ok || !strings.HasPrefix(cmd, "$ czql ") || strings.Contains(cmd, "|") || strings.Contains(cmd, ".czql") {
			continue
		}
		checkExample(t, strings.TrimPrefix(cmd, "$ czql "), out)
		ran++
	}
	if ran < 2 {
		t.Errorf("ran %d README text examples, want at least 2", ran)
	}
}

// checkExample runs the czql command line cmdline and compares its
// standard output and error, together, with want.
func checkExample(t *testing.T, cmdline, want string) {
	t.Helper()
	var out bytes.Buffer
	Main(splitArgs(cmdline), strings.NewReader(""), &out, &out)
	if out.String() != want {
		t.Errorf("README example czql %s:\ngot:\n%s\nREADME shows:\n%s", cmdline, &out, want)
	}
}

// splitArgs splits a shell command line into words, honouring single and
// double quotes (no escapes, no variables: the README needs none).
func splitArgs(s string) []string {
	var args []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args
}
