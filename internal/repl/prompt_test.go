package repl

import (
	"strings"
	"testing"

	"github.com/czql/czql/internal/frontend"
)

// The prompts of a shell logged in as demo on a sandbox served at
// 127.0.0.1, as the tests' shells are (testOrigin).
const (
	promptFirst    = "demo@127.0.0.1=> "
	promptContinue = "demo@127.0.0.1-> "
)

// testOrigin is the origin of the tests' sessions.
var testOrigin = frontend.Origin{User: "demo", Host: "127.0.0.1:8080"}

func TestPromptEscapes(t *testing.T) {
	real := frontend.Origin{User: "ann", Host: "api.clarizen.com:443"}
	for _, c := range []struct {
		format string
		origin frontend.Origin
		mark   byte
		want   string
	}{
		{defaultPrompt, frontend.Origin{User: "demo", Host: "sandbox", Embedded: true}, '=', "demo@sandbox=> "},
		{defaultPrompt, real, '=', "ann@api.clarizen.com=> "},
		{defaultPrompt, real, '-', "ann@api.clarizen.com-> "},
		{"[%M] %%%x%", real, '=', "[api.clarizen.com:443] %%x%"},
		{anonymousPrompt, frontend.Origin{}, '=', "czql=> "},
	} {
		if got := expandPrompt(c.format, c.origin, c.mark); got != c.want {
			t.Errorf("expandPrompt(%q, %+v, %q) = %q, want %q", c.format, c.origin, c.mark, got, c.want)
		}
	}
}

// PROMPT2 is as wide as PROMPT1 and says why the statement goes on.
func TestContinuationPrompt(t *testing.T) {
	s := NewSession(Config{Origin: testOrigin})
	for pending, want := range map[string]string{
		"":                              promptFirst,
		"SELECT Name\n":                 promptContinue,
		"SELECT Name /* a\n":            "demo@127.0.0.1*> ",
		"SELECT Name, (SELECT Name\n":   "demo@127.0.0.1(> ",
		"SELECT (SELECT Name FROM R)\n": promptContinue,
	} {
		if got := s.prompt(pending); got != want {
			t.Errorf("prompt(%q) = %q, want %q", pending, got, want)
		}
	}
	if len(promptFirst) != len(promptContinue) {
		t.Error("the prompts are not aligned")
	}
}

// \set PROMPT1 changes the prompt (one pair of quotes dropped), \unset
// puts the default back; \set alone lists the variables.
func TestSetPrompt(t *testing.T) {
	s, stdout, _ := sandboxSession(t, Config{Origin: testOrigin})
	s.ExecMeta(t.Context(), `\set PROMPT1 '%n on %m> '`)
	if got := s.prompt(""); got != "demo on 127.0.0.1> " {
		t.Errorf("prompt after \\set PROMPT1 = %q", got)
	}
	s.ExecMeta(t.Context(), `\set`)
	if !strings.Contains(stdout.String(), "PROMPT1 = '%n on %m> '\nPROMPT2 = '%n@%m%R> '\n") {
		t.Errorf("\\set lists:\n%s", stdout)
	}
	s.ExecMeta(t.Context(), `\unset PROMPT1`)
	if got := s.prompt(""); got != promptFirst {
		t.Errorf("prompt after \\unset PROMPT1 = %q", got)
	}
}
