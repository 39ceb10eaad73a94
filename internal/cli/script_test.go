package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/czql/czql/internal/golden"
)

// TestMain lets the test binary run as the czql command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"czql": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the testscript scripts in testdata/script. With -update,
// failing `cmp` comparisons rewrite their expected sections.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *golden.Update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"mode": cmdMode},
		Condition:           scriptCondition,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			fixture, err := filepath.Abs("../../testdata/metadata/clarizen.json")
			env.Setenv("FIXTURE_METADATA", fixture) // the shared metadata fixture, for lint scripts
			return err
		},
	})
}

// scriptCondition answers the conditions of our own: [nvim-required] is
// true when CZQL_REQUIRE_NVIM is set (by .ci/run), so that the editor test
// fails rather than skips without Neovim.
func scriptCondition(cond string) (bool, error) {
	if cond == "nvim-required" {
		return os.Getenv("CZQL_REQUIRE_NVIM") != "", nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// cmdMode checks a file's permission bits: `mode FILE 0640`.
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mode FILE PERM")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	fi, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	got := uint64(fi.Mode().Perm())
	if (got == want) == neg {
		ts.Fatalf("%s has mode %s, want %s%s", args[0], fmt.Sprintf("%#o", got), map[bool]string{true: "not "}[neg], args[1])
	}
}
