package frontend

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/czql/czql/metadata"
	"github.com/czql/czql/sandbox"
)

// startConnSandbox serves the metadata fixture on 127.0.0.1:0 and
// returns the environment that reaches it, with user caches in a
// temporary directory.
func startConnSandbox(t *testing.T) map[string]string {
	t.Helper()
	md, err := metadata.Load("../../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := sandbox.Start(context.Background(), "127.0.0.1:0", sandbox.Options{
		Metadata: md, Data: sandbox.NewDataset(), RateLimit: -1,
		Users: map[string]string{"ann": "s3cret-pw"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return map[string]string{"CZQL_URL": srv.URL, "CZQL_USER": "ann", "XDG_CACHE_HOME": t.TempDir()}
}

func TestConnectAsksForAMissingPassword(t *testing.T) {
	env := startConnSandbox(t)
	asked := 0
	var stderr bytes.Buffer
	c, code := Connect(context.Background(), ConnectOptions{
		Stderr: &stderr, Getenv: func(k string) string { return env[k] },
		AskPassword: func() (string, error) { asked++; return "s3cret-pw", nil },
	})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d\n%s", code, stderr.String())
	}
	defer c.Close()
	if asked != 1 {
		t.Errorf("AskPassword called %d times, want 1", asked)
	}
	if strings.Contains(stderr.String(), "s3cret-pw") {
		t.Errorf("stderr shows the password:\n%s", stderr.String())
	}
}

func TestConnectPasswordFromEnvironmentIsNotAsked(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	c, code := Connect(context.Background(), ConnectOptions{
		Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] },
		AskPassword: func() (string, error) { return "", errors.New("must not be asked") },
	})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d", code)
	}
	c.Close()
}

func TestConnectFailingPromptIsAUsageError(t *testing.T) {
	env := startConnSandbox(t)
	var stderr bytes.Buffer
	_, code := Connect(context.Background(), ConnectOptions{
		Stderr: &stderr, Getenv: func(k string) string { return env[k] },
		AskPassword: func() (string, error) { return "", errors.New("interrupted") },
	})
	if code != ExitUsage || !strings.Contains(stderr.String(), "reading the password: interrupted") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
}

func TestDeferredMetadataIsFetchedIntoTheCache(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	opts := ConnectOptions{Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] }, DeferMetadata: true}
	c, code := Connect(context.Background(), opts)
	if code != ExitOK {
		t.Fatalf("Connect: exit %d", code)
	}
	defer c.Close()
	if !c.MetadataMissing || c.Metadata != nil {
		t.Fatalf("MetadataMissing = %v, Metadata = %v; want true, nil", c.MetadataMissing, c.Metadata)
	}
	md, note, err := c.RefreshMetadata(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if md.Entity("Task") == nil || !strings.Contains(note, "fetched the metadata of 56 entities") {
		t.Errorf("note %q; Task found: %v", note, md.Entity("Task") != nil)
	}
	caches, _ := filepath.Glob(filepath.Join(env["XDG_CACHE_HOME"], "czql", "metadata", "*.cache"))
	if len(caches) != 1 {
		t.Fatalf("caches written: %v", caches)
	}
	if fi, err := os.Stat(caches[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("cache mode: %v %v", fi.Mode(), err)
	}
	again, code := Connect(context.Background(), opts)
	if code != ExitOK {
		t.Fatalf("second Connect: exit %d", code)
	}
	defer again.Close()
	if again.MetadataMissing || again.Metadata == nil || again.Metadata.Entity("Task") == nil {
		t.Errorf("second Connect did not load the cache: missing=%v", again.MetadataMissing)
	}
}

func TestRefreshMetadataReloadsTheNamedFile(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	path := filepath.Join(t.TempDir(), "md.json")
	if err := os.WriteFile(path, []byte(`{"entityDescriptions":[{"typeName":"Task","fields":[{"name":"Name","type":"String"}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	c, code := Connect(context.Background(), ConnectOptions{
		Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] }, MetadataPath: path, DeferMetadata: true,
	})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d", code)
	}
	defer c.Close()
	if err := os.WriteFile(path, []byte(`{"entityDescriptions":[{"typeName":"Project"},{"typeName":"User"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	md, note, err := c.RefreshMetadata(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if md.Entity("Project") == nil || note != "loaded the metadata of 2 entities from "+path {
		t.Errorf("note %q", note)
	}
}

func TestDialLooksForNoMetadata(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	env["CZQL_METADATA"] = filepath.Join(t.TempDir(), "missing.json")
	var stderr bytes.Buffer
	opts := ConnectOptions{Stderr: &stderr, Getenv: func(k string) string { return env[k] }}
	c, code := Dial(context.Background(), opts)
	if code != ExitOK || c.Metadata != nil || stderr.Len() != 0 {
		t.Fatalf("Dial: exit %d, metadata %v, stderr:\n%s", code, c != nil && c.Metadata != nil, &stderr)
	}
	c.Close()
	if _, code := Connect(context.Background(), opts); code != ExitUsage || !strings.Contains(stderr.String(), "czql: loading metadata: ") {
		t.Errorf("Connect with a missing CZQL_METADATA: exit %d, stderr:\n%s", code, &stderr)
	}
}

func TestMetadataPathComesBeforeTheEnvironment(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	env["CZQL_METADATA"] = filepath.Join(t.TempDir(), "missing.json")
	c, code := Connect(context.Background(), ConnectOptions{
		Stderr: &bytes.Buffer{}, Getenv: func(k string) string { return env[k] }, MetadataPath: "../../testdata/metadata/clarizen.json",
	})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d", code)
	}
	defer c.Close()
	if c.Metadata == nil || c.Metadata.Entity("Task") == nil {
		t.Error("the metadata of MetadataPath was not loaded")
	}
}

func TestConnectWithoutMetadataNotesIt(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	var stderr bytes.Buffer
	c, code := Connect(context.Background(), ConnectOptions{Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d", code)
	}
	defer c.Close()
	if c.Metadata != nil || c.MetadataMissing || stderr.String() != noMetadataNote+"\n" {
		t.Errorf("metadata %v, missing %v, stderr %q", c.Metadata != nil, c.MetadataMissing, stderr.String())
	}
}

func TestSandboxOptionIgnoresTheURL(t *testing.T) {
	env := map[string]string{"CZQL_URL": "http://127.0.0.1:1", "XDG_CACHE_HOME": t.TempDir()}
	var stderr bytes.Buffer
	c, code := Connect(context.Background(), ConnectOptions{Stderr: &stderr, Getenv: func(k string) string { return env[k] }, Sandbox: true})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d\n%s", code, &stderr)
	}
	defer c.Close()
	if stderr.String() != sandboxFlagNote+"\n" || c.Metadata == nil || c.Calls() == 0 {
		t.Errorf("stderr %q, sandbox metadata %v, %d calls counted", stderr.String(), c.Metadata != nil, c.Calls())
	}
	md, note, err := c.RefreshMetadata(context.Background())
	if err != nil || md.Entity("Task") == nil || note != fmt.Sprintf("fetched the metadata of %d entities from sandbox", len(md.EntityNames())) {
		t.Errorf("refresh: %q, %v", note, err)
	}
	if caches, _ := filepath.Glob(filepath.Join(env["XDG_CACHE_HOME"], "czql", "metadata", "*")); len(caches) != 0 {
		t.Errorf("the sandbox's metadata was cached: %v", caches)
	}
}

func TestReadPassword(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		fails    bool
	}{
		{"s3cret\r\nrest\n", "s3cret", false},
		{"no newline", "no newline", false},
		{"\n", "", true},
	} {
		got, err := ReadPassword(strings.NewReader(tc.in))
		if got != tc.want || (err != nil) != tc.fails {
			t.Errorf("ReadPassword(%q) = %q, %v", tc.in, got, err)
		}
	}
	if _, err := ReadPassword(nil); err == nil {
		t.Error("ReadPassword(nil) succeeded")
	}
}

// TestConnectSaysWhySessionsAreNotKept checks that a sessions directory
// others may write is refused with a message on standard error, once,
// and the run goes on.
func TestConnectSaysWhySessionsAreNotKept(t *testing.T) {
	env := startConnSandbox(t)
	env["CZQL_PASSWORD"] = "s3cret-pw"
	dir := filepath.Join(env["XDG_CACHE_HOME"], "czql", "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	c, code := Connect(context.Background(), ConnectOptions{Stderr: &stderr, Getenv: func(k string) string { return env[k] }})
	if code != ExitOK {
		t.Fatalf("Connect: exit %d\n%s", code, stderr.String())
	}
	c.Close()
	want := "czql: " + dir + " is writable by others (mode 0777): sessions are not reused or stored there\n"
	if !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "writable by others") != 1 {
		t.Errorf("stderr:\n%s\nwant it to start with:\n%s", stderr.String(), want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a session was stored in %s: %v", dir, entries)
	}
}
