package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/czql/czql/internal/golden"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// The organisation the run scripts query: the shared metadata fixture and
// a small dataset whose rows the scripts check exactly.
const (
	fixtureMetadataPath = "../../testdata/metadata/clarizen.json"
	smallDataset        = "testdata/sandbox/data.json"
)

// startTestSandbox serves the small organisation on 127.0.0.1:0 until
// the returned function is called.
func startTestSandbox(ctx context.Context) (*sandbox.Running, error) {
	md, err := metadata.Load(fixtureMetadataPath)
	if err != nil {
		return nil, err
	}
	data, err := sandbox.LoadDataset(smallDataset)
	if err != nil {
		return nil, err
	}
	return sandbox.Start(ctx, "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: data,
		Users:     map[string]string{sandbox.DemoUser: sandbox.DemoPassword, "ana": testPassword},
		RateLimit: -1, // scripts run many commands quickly; the client's 429 handling is tested in client
	})
}

// testPassword is the password of the sandbox user "ana", which no output
// may ever contain.
const testPassword = "pa55-w0rd-ana"

// TestRunScripts runs the scripts of testdata/runscript, each with its
// own sandbox serving the small dataset at $SANDBOX_URL and its own user
// cache directory.
func TestRunScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/runscript",
		UpdateScripts:       *golden.Update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"mode": cmdMode, "secretfree": cmdSecretFree},
		Setup: func(env *testscript.Env) error {
			srv, err := startTestSandbox(context.Background())
			if err != nil {
				return err
			}
			env.Defer(func() { srv.Close() })
			env.Setenv("SANDBOX_URL", srv.URL)
			env.Setenv("ANA_PASSWORD", testPassword)
			env.Setenv("NO_COLOR", "1")
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, "cache"))
			fixture, err := filepath.Abs(fixtureMetadataPath)
			env.Setenv("FIXTURE_METADATA", fixture)
			return err
		},
	})
}

// cmdSecretFree checks that DIR holds at least one file, that every file
// in it has mode 0600 and that none contains SECRET: `secretfree DIR SECRET`.
func cmdSecretFree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: secretfree DIR SECRET")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	if len(entries) == 0 {
		ts.Fatalf("%s is empty", args[0])
	}
	for _, ent := range entries {
		path := filepath.Join(ts.MkAbs(args[0]), ent.Name())
		fi, err := os.Stat(path)
		ts.Check(err)
		if fi.Mode().Perm() != 0o600 {
			ts.Fatalf("%s has mode %#o, want 0600", ent.Name(), fi.Mode().Perm())
		}
		data, err := os.ReadFile(path)
		ts.Check(err)
		if strings.Contains(string(data), args[1]) {
			ts.Fatalf("%s contains the password", ent.Name())
		}
	}
}
