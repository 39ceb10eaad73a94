package repl

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--format", "yaml"}, {"--nope"}, {"extra"}} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if code != ExitUsage || stderr.Len() == 0 {
			t.Errorf("%q: code %d, stderr %q; want 2 and a message", args, code, stderr.String())
		}
	}
}

func TestEmbeddedSandboxByDefault(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := strings.NewReader("SELECT Name FROM User LIMIT 1;\n\\entities task\n")
	code := run(context.Background(), nil, in, &stdout, &stderr, func(string) string { return "" })
	if code != ExitOK {
		t.Fatalf("code %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.HasPrefix(stderr.String(), "czql: no CZQL_URL set: running on the embedded sandbox (demo organisation)\n") {
		t.Errorf("stderr lacks the sandbox note:\n%s", stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "Name\n") || !strings.Contains(stdout.String(), "\nTask\n") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}

// With --sandbox the note says why the sandbox is used, not that
// CZQL_URL is missing when it is set.
func TestSandboxFlagSaysSo(t *testing.T) {
	var stdout, stderr bytes.Buffer
	in := strings.NewReader("SELECT Name FROM User LIMIT 1;\n")
	code := run(context.Background(), []string{"--sandbox"}, in, &stdout, &stderr, func(k string) string {
		if k == "CZQL_URL" {
			return "http://192.0.2.1/unused"
		}
		return ""
	})
	if code != ExitOK {
		t.Fatalf("code %d, stderr:\n%s", code, stderr.String())
	}
	if want := "czql: --sandbox: running on the embedded sandbox (demo organisation), not on CZQL_URL\n"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", stderr.String(), want)
	}
	if !strings.HasPrefix(stdout.String(), "Name\n") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}

func TestPasswordFromTheFirstLineOfStdin(t *testing.T) {
	r := runREPLEnv(t, map[string]string{"CZQL_PASSWORD": ""}, "demo\nSELECT Name FROM Task WHERE Priority = 3;\n", "--password-stdin")
	if r.code != ExitOK || r.stdout != "Name\n----\nTest\n" {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "demo\n") {
		t.Errorf("the password was printed:\n%s%s", r.stdout, r.stderr)
	}
}

// --help (and -h) print the usage on standard output and exit 0, with
// the flags spelled as czql spells them (--format, not -format); a bad
// flag is named that way too.
func TestHelpOnStdoutInCzqlsFlagStyle(t *testing.T) {
	for _, arg := range []string{"--help", "-h"} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{arg}, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if code != ExitOK || stderr.Len() != 0 {
			t.Errorf("%s: exit %d, stderr %q; want 0 and nothing", arg, code, stderr.String())
		}
		out := stdout.String()
		if !strings.HasPrefix(out, "usage: czql-repl [--format table|json|jsonl|csv]") ||
			!strings.Contains(out, "\n  --format FORMAT ") || !strings.Contains(out, "\n  --sandbox ") ||
			strings.Contains(out, " -format") {
			t.Errorf("%s: stdout:\n%s", arg, out)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"--nope"}, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
	want := "czql-repl: unknown flag --nope\nRun 'czql-repl --help' for usage.\n"
	if code != ExitUsage || stderr.String() != want || stdout.Len() != 0 {
		t.Errorf("--nope: exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout.String(), stderr.String(), want)
	}
}
