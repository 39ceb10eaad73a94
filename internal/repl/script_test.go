package repl

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// check compares got with want and reports the difference in full.
func check(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", what, got, want)
	}
}

func TestStatementsSpanLinesAndRunInOrder(t *testing.T) {
	r := runREPL(t, `SELECT Name, Manager.Name, Work
  FROM Task
  WHERE State = 'Active' -- a comment; not the end
  ORDER BY Name LIMIT 2;
SELECT Name FROM User WHERE Name = 'a;b'; SELECT Name
FROM User ORDER BY Name LIMIT 1
`)
	check(t, "stdout", r.stdout, `Name              Manager.Name            Work
----------------  ----------------------  --------
+Review, "final"  =HYPERLINK("http://x")
Build             Ana Ruiz                16 Hours

Name
----

Name
----------------------
=HYPERLINK("http://x")
`)
	check(t, "stderr", r.stderr, "2 rows, more available: \\more\n0 rows\n1 row, more available: \\more\n")
	if r.code != ExitOK {
		t.Errorf("exit code %d, want 0", r.code)
	}
}

func TestValidationErrorSendsNothingAndGoesOn(t *testing.T) {
	r := runREPL(t, "\\timing on\nSELECT Nmae\nFROM Task;\nSELECT Name FROM Task WHERE Priority = 3;\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	wantErr := `<stdin>:2:8: error[unknown-field]: entity "Task" has no field "Nmae"
   2 | SELECT Nmae
     |        ^^^^ did you mean "Name"?
`
	if !strings.Contains(r.stderr, wantErr) {
		t.Errorf("stderr lacks the diagnostic:\n%s", r.stderr)
	}
	// Only the valid statement reached the API: one timing line, 1 call.
	timings := regexp.MustCompile(`(?m)^Time: [0-9.]+ ms, (\d+) API calls?$`).FindAllStringSubmatch(r.stderr, -1)
	if len(timings) != 1 || timings[0][1] != "1" {
		t.Errorf("timing lines %q, want one with 1 API call:\n%s", timings, r.stderr)
	}
}

func TestMoreAndAllPage(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task ORDER BY Name LIMIT 2;\n\\more\n\\all\n\\more\n")
	check(t, "stdout", r.stdout, `Name
----------------
+Review, "final"
Build

Name
------
Design
Ship

Name
----
Test
`)
	check(t, "stderr", r.stderr, "2 rows, more available: \\more\n2 rows, more available: \\more\n1 row\n"+
		"czql-repl: no more rows: there is no result with more rows to show\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1 (the last \\more had nothing to show)", r.code)
	}
}

func TestAllFetchesEverything(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task ORDER BY Name LIMIT 1;\n\\all\n")
	check(t, "stdout", r.stdout, "Name\n----------------\n+Review, \"final\"\n\nName\n------\nBuild\nDesign\nShip\nTest\n")
	check(t, "stderr", r.stderr, "1 row, more available: \\more\n4 rows\n")
}

func TestExpandedDisplay(t *testing.T) {
	r := runREPL(t, "\\x on\nSELECT Name, Manager.Name FROM Task WHERE Priority = 1 ORDER BY Name;\n\\x off\nSELECT Name FROM Task WHERE Priority = 3;\n")
	check(t, "stdout", r.stdout, `-[ RECORD 1 ]
Name         | Build
Manager.Name | Ana Ruiz
-[ RECORD 2 ]
Name         | Ship
Manager.Name | Sam Lee

Name
----
Test
`)
	check(t, "stderr", r.stderr, "expanded display is on\n2 rows\nexpanded display is off\n1 row\n")
}

func TestExpandedAutoFollowsWidth(t *testing.T) {
	r := runREPLEnv(t, map[string]string{"COLUMNS": "20"}, "\\x auto\nSELECT Name FROM Task WHERE Priority = 3;\nSELECT Name, Manager.Name FROM Task WHERE Priority = 2 ORDER BY Name LIMIT 1;\n")
	check(t, "stdout", r.stdout, `Name
----
Test

-[ RECORD 1 ]
Name         | +Review, "final"
Manager.Name | =HYPERLINK("http://x")
`)
}

func TestFormatJSONAndCSV(t *testing.T) {
	r := runREPL(t, "\\format json\nSELECT Name, Priority FROM Task WHERE Priority = 3;\n\\format csv\nSELECT Name FROM Task WHERE Priority = 3;\n\\format yaml\n")
	check(t, "stdout", r.stdout, `[
  {
    "id": "/Task/t3",
    "Name": "Test",
    "Priority": 3
  }
]
`+"Name\r\nTest\r\n")
	if !strings.Contains(r.stderr, `czql-repl: unknown format "yaml" (want table, json, jsonl, csv)`) {
		t.Errorf("stderr lacks the format error:\n%s", r.stderr)
	}
}

func TestOutputToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	r := runREPL(t, "\\o "+path+"\nSELECT Name FROM Task WHERE Priority = 3;\n\\o\nSELECT Name FROM User WHERE Name = 'Sam Lee';\n")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	check(t, "file", string(data), "Name\n----\nTest\n")
	check(t, "stdout", r.stdout, "\nName\n-------\nSam Lee\n")
	if r.code != ExitOK {
		t.Errorf("exit code %d:\n%s", r.code, r.stderr)
	}
}

// \o expands a leading ~ to the home directory, as the shell and psql do.
func TestOutputToFileUnderHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	r := runREPL(t, "\\o ~/out.txt\nSELECT Name FROM Task WHERE Priority = 3;\n")
	data, err := os.ReadFile(filepath.Join(home, "out.txt"))
	if err != nil {
		t.Fatalf("%v; stderr:\n%s", err, r.stderr)
	}
	check(t, "file", string(data), "Name\n----\nTest\n")
	if r.code != ExitOK || r.stdout != "" {
		t.Errorf("exit code %d, stdout %q, stderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestUnknownMetaCommandSuggests(t *testing.T) {
	r := runREPL(t, "\\descrbe Task\n")
	check(t, "stderr", r.stderr, "czql-repl: unknown meta-command \\descrbe\n\tdid you mean \\describe?\nType \\help for the list.\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
}

func TestQuitStops(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task WHERE Priority = 3\n\\quit\nSELECT Nmae FROM Task;\n")
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	if r.code != ExitOK {
		t.Errorf("exit code %d, want 0 (nothing after \\quit runs):\n%s", r.code, r.stderr)
	}
}

func TestBackslashInsideCommentIsText(t *testing.T) {
	r := runREPL(t, "/* a comment\n\\not a meta-command */ SELECT Name FROM Task WHERE Priority = 3;\n")
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	if r.code != ExitOK {
		t.Errorf("exit code %d:\n%s", r.code, r.stderr)
	}
}

func TestOutputToBadPathFails(t *testing.T) {
	r := runREPL(t, "\\o "+filepath.Join(t.TempDir(), "no", "such", "dir")+"\nSELECT Name FROM Task WHERE Priority = 3;\n")
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	if r.code != ExitFailed || !strings.Contains(r.stderr, "czql-repl: open ") {
		t.Errorf("code %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestIgnoredWarningIsSilent checks that a warning silenced with
// -- czql:ignore is silenced in the shell as in lint, translate and run:
// the shell goes through the library's one pipeline.
func TestIgnoredWarningIsSilent(t *testing.T) {
	r := runREPL(t, "SELECT State, AVG(Work) AS W FROM Task GROUP BY State LIMIT 1;\n")
	if !strings.Contains(r.stderr, "warning[unverified-function]") {
		t.Fatalf("without the comment the warning is missing:\n%s", r.stderr)
	}
	r = runREPL(t, "-- czql:ignore unverified-function\nSELECT State, AVG(Work) AS W FROM Task GROUP BY State LIMIT 1;\n")
	if strings.Contains(r.stderr, "unverified-function") {
		t.Errorf("the ignored warning is shown:\n%s", r.stderr)
	}
	if r.code != ExitOK {
		t.Errorf("exit code %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
}

// An unterminated block comment at the end of the input is reported as
// `czql run` reports it (the same diagnostic, exit 1), not dropped with
// the statements it swallowed.
func TestUnterminatedCommentIsReported(t *testing.T) {
	r := runREPL(t, "SELECT Name FROM Task WHERE Priority = 3;\n/* open\nSELECT Name FROM User;\n")
	check(t, "stdout", r.stdout, "Name\n----\nTest\n")
	want := "<stdin>:2:1: error[unterminated-comment]: comment not terminated: missing */\n" +
		"   2 | /* open\n     | ^^\n"
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks the diagnostic:\n%s\nwant:\n%s", r.stderr, want)
	}
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
}
