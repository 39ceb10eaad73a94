package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestLoginFailureIsReportedOnce checks that a wrong password is one
// "login failed" line, with the API's code and reference, and exit 2 (czql
// could not run), in run and in metadata fetch; never "query rejected".
func TestLoginFailureIsReportedOnce(t *testing.T) {
	srv, err := startTestSandbox(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	t.Setenv("CZQL_URL", srv.URL)
	t.Setenv("CZQL_USER", "demo")
	t.Setenv("CZQL_PASSWORD", "wrong-password")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, args := range [][]string{
		{"run", "-q", "SELECT Name FROM Task LIMIT 1"},
		{"metadata", "fetch"},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(args, strings.NewReader(""), &stdout, &stderr)
		if code != ExitUsage {
			t.Errorf("%v: exit code %d, want %d", args, code, ExitUsage)
		}
		if n := strings.Count(stderr.String(), "login failed"); n != 1 || strings.Contains(stderr.String(), "query rejected") {
			t.Errorf("%v: stderr should say login failed once:\n%s", args, stderr.String())
		}
		if !strings.Contains(stderr.String(), "LoginFailure") || strings.Contains(stderr.String(), "wrong-password") {
			t.Errorf("%v: stderr lacks the API's code or shows the password:\n%s", args, stderr.String())
		}
	}
}

// TestSeveralStatementsOneDocument checks that run writes one valid JSON
// document and one CSV table for several statements.
func TestSeveralStatementsOneDocument(t *testing.T) {
	t.Setenv("CZQL_URL", "")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	q := "SELECT Name FROM Task LIMIT 1; SELECT Name, Email FROM User LIMIT 2"
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"run", "--format", "json", "-q", q}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("json: exit %d\n%s", code, &stderr)
	}
	var results [][]map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil || len(results) != 2 || len(results[0]) != 1 || len(results[1]) != 2 {
		t.Errorf("json: %v, %d results: %s", err, len(results), &stdout)
	}
	stdout.Reset()
	if code := Main([]string{"run", "--format", "csv", "-q", q}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("csv: exit %d\n%s", code, &stderr)
	}
	records, err := csv.NewReader(&stdout).ReadAll()
	if err != nil || len(records) != 4 || strings.Join(records[0], ",") != "statement,Name,Email" ||
		records[1][0] != "1" || records[1][2] != "" || records[3][0] != "2" {
		t.Errorf("csv: %v %q", err, records)
	}
}
