package cli

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEExamples runs the examples of the README that need no files
// and compares their output with what the README shows: the quick start
// (czql run on the embedded sandbox, then translate), and every ```text block that starts with "$ czql" and has no pipe.
func TestREADMEExamples(t *testing.T) {
	t.Setenv("CZQL_URL", "") // the quick start runs on the embedded sandbox
	t.Setenv("CZQL_METADATA", "")
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start, _, _ := strings.Cut(readme[strings.Index(readme, "## Quick start")+1:], "\n## ")
	quick := regexp.MustCompile("(?s)```sh\ngo run ./cmd/czql (.*?)\n```\n\n```(?:json|text)\n(.*?)```")
	ms := quick.FindAllStringSubmatch(start, -1)
	if len(ms) < 2 || !strings.HasPrefix(ms[0][1], "run ") {
		t.Fatal("README's quick start does not begin with a czql run command and its output, followed by translate")
	}
	for _, m := range ms {
		checkExample(t, m[1], m[2])
	}
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
