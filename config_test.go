package czql

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

func TestLoadConfigErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"rules:\n  no-limt: off\n", `unknown rule "no-limt" in rules; did you mean "no-limit"?`},
		{"rules:\n  no-limit: loud\n", `rules: no-limit: "loud" is not off, info, warning or error`},
		{"fail-on: off\n", `fail-on: "off" is not info, warning or error`},
		{"metdata: x.json\n", "field metdata not found"},
		{"rules: [1, 2]\n", "cannot unmarshal"},
	} {
		_, err := parseConfig("p/.czql.yaml", []byte(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "p/.czql.yaml:") {
			t.Errorf("%q: error %v, want one naming the file and containing %q", tc.text, err, tc.want)
		}
	}
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ConfigFile)
	if err := os.WriteFile(path, []byte("metadata: ../org.json\nrules:\n  no-limit: error\n  unverified-function: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(dir), "org.json"); cfg.Metadata != want {
		t.Errorf("metadata %q, want %q", cfg.Metadata, want)
	}
	if cfg.FailOn != diag.Error || cfg.Rules["no-limit"] != diag.Error || cfg.Rules["unverified-function"] != Off {
		t.Errorf("config %+v", cfg)
	}
	in := diag.List{{Code: "no-limit", Severity: diag.Info}, {Code: "unverified-function", Severity: diag.Warning}, {Code: "syntax", Severity: diag.Error}}
	out := cfg.Apply(in)
	if len(out) != 2 || out[0].Severity != diag.Error || out[1].Code != "syntax" || in[0].Severity != diag.Info {
		t.Errorf("Apply = %v (input %v)", out, in)
	}
	empty, err := parseConfig("e.yaml", nil)
	if err != nil || empty.FailOn != diag.Error || len(empty.Rules) != 0 {
		t.Errorf("empty file: %+v, %v", empty, err)
	}
}

func TestFindConfig(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := FindConfig(deep); got != "" && strings.HasPrefix(got, root) {
		t.Errorf("found %q before any was written", got)
	}
	want := filepath.Join(root, "a", ConfigFile)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindConfig(deep); got != want || err != nil {
		t.Errorf("FindConfig = %q, %v; want %q", got, err, want)
	}
}

func TestParamLiterals(t *testing.T) {
	lits, diags := literals(map[string]any{"i": int64(-7), "u": uint8(3), "f": 2.5, "b": true, "n": nil, "s": "x"})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for name, want := range map[string]string{"i": "-7", "u": "3", "f": "2.5"} {
		if got := lits[name]; got == nil || literalText(got) != want {
			t.Errorf("%s: %v, want %s", name, got, want)
		}
	}
	_, diags = literals(map[string]any{"bad": []int{1}, "nan": func() float64 { z := 0.0; return z / z }()})
	if len(diags) != 2 || diags[0].Code != CodeBadParam {
		t.Errorf("diagnostics %v, want two %s", diags, CodeBadParam)
	}
}

// literalText returns the raw text of a number literal, or "".
func literalText(l ast.Literal) string {
	if n, ok := l.(*ast.NumberLit); ok {
		return n.Raw
	}
	return ""
}
