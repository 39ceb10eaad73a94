package repl

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// aggregate is a statement with a warning[unverified-function] (AVG on a
// Duration), which the project configurations of the tests turn into an
// error or off.
const aggregate = "SELECT State, AVG(Work) AS W FROM Task GROUP BY State LIMIT 1;\n"

// writeFiles writes files (name → text) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// The nearest .czql.yaml above the working directory applies its rules
// to the statements and to \translate, and nothing is sent when they make
// a diagnostic an error.
func TestProjectConfigurationRulesApply(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".czql.yaml": "rules:\n  unverified-function: error\n"})
	sub := filepath.Join(dir, "queries")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	r := runREPL(t, "\\timing on\n"+aggregate+"\\translate "+aggregate)
	if r.code != ExitFailed || r.stdout != "" {
		t.Errorf("exit code %d, stdout:\n%s", r.code, r.stdout)
	}
	if n := strings.Count(r.stderr, "error[unverified-function]"); n != 2 {
		t.Errorf("%d errors, want 2 (the statement and \\translate):\n%s", n, r.stderr)
	}
	if strings.Contains(r.stderr, "Time:") {
		t.Errorf("the statement was sent:\n%s", r.stderr)
	}
}

// --config names the configuration instead; a configuration that cannot
// be read stops the shell before it starts.
func TestConfigFlag(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"quiet.yaml": "rules:\n  unverified-function: off\n",
		"bad.yaml":   "rules:\n  no-limt: off\n",
	})
	r := runREPL(t, aggregate, "--config", filepath.Join(dir, "quiet.yaml"))
	if r.code != ExitOK || strings.Contains(r.stderr, "unverified-function") || !strings.HasPrefix(r.stdout, "State") {
		t.Errorf("exit code %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	r = runREPL(t, aggregate, "--config", filepath.Join(dir, "bad.yaml"))
	if r.code != ExitUsage || !strings.HasPrefix(r.stderr, "czql-repl: configuration: ") || !strings.Contains(r.stderr, `unknown rule "no-limt"`) || r.stdout != "" {
		t.Errorf("exit code %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// The configuration's metadata: is what statements are validated
// against, and \refresh loads that file again.
func TestRefreshReloadsTheConfiguredMetadata(t *testing.T) {
	dir := t.TempDir()
	fixture, err := os.ReadFile(fixtureMetadataPath)
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		".czql.yaml": "metadata: org.json\n",
		"org.json":   `{"entityDescriptions":[{"typeName":"Task","fields":[{"name":"Name","type":"String"}]}]}`,
	})
	t.Chdir(dir)
	query := "SELECT Name, State FROM Task WHERE Priority = 3;\n"
	input := &steppedReader{
		parts: []string{query, "\\refresh\n" + query},
		between: func() {
			writeFiles(t, dir, map[string]string{"org.json": string(fixture)})
		},
	}
	r := runREPLReading(t, nil, input)
	if !strings.Contains(r.stderr, `<stdin>:1:14: error[unknown-field]: entity "Task" has no field "State"`) {
		t.Errorf("the first statement was not checked against org.json:\n%s", r.stderr)
	}
	if !regexp.MustCompile(`\nloaded the metadata of 56 entities from .*org\.json\n1 row\n$`).MatchString(r.stderr) {
		t.Errorf("\\refresh did not load org.json again:\n%s", r.stderr)
	}
	check(t, "stdout", r.stdout, "Name  State\n----  ------\nTest  Active\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1 (the first statement failed)", r.code)
	}
}

// steppedReader returns its parts one Read at a time (each must fit the
// reader's buffer), calling between before returning the second, so that
// a test can change files while the shell runs.
type steppedReader struct {
	parts   []string
	between func()
	next    int
}

// Read returns the next part.
func (r *steppedReader) Read(p []byte) (int, error) {
	if r.next == len(r.parts) {
		return 0, io.EOF
	}
	if r.next == 1 {
		r.between()
	}
	n := copy(p, r.parts[r.next])
	r.next++
	return n, nil
}
