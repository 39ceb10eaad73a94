package repl

import (
	"strings"
	"testing"
)

func TestHelpListsEveryMetaCommand(t *testing.T) {
	r := runREPL(t, "\\help\n")
	for _, name := range metaNames() {
		if !strings.Contains(r.stdout, "\n  \\"+name) {
			t.Errorf("\\help lacks %s:\n%s", name, r.stdout)
		}
	}
	if !strings.HasPrefix(r.stdout, "Statements end with ';'") || r.code != ExitOK {
		t.Errorf("code %d, stdout:\n%s", r.code, r.stdout)
	}
}

func TestEntitiesMatchesSubstringAndGlob(t *testing.T) {
	r := runREPL(t, "\\entities resourcelink\n\\entities T*SK\n\\entities zzzz\n")
	check(t, "stdout", r.stdout, "RegularResourceLink\nTask\n")
	// A pattern that matches nothing says so (on stderr, as psql's \d
	// does), and is no failure.
	check(t, "stderr", r.stderr, "no entity matches \"zzzz\"\n")
	if r.code != ExitOK {
		t.Errorf("exit code %d:\n%s", r.code, r.stderr)
	}
}

func TestDescribeShowsFieldsAndRelations(t *testing.T) {
	r := runREPL(t, "\\describe user\n")
	for _, want := range []string{
		"User (36 fields)\n",
		"\nFIELD                    TYPE                   LABEL                       FLAGS\n",
		"\nDirectManager            Entity → User          Direct Manager              nullable\n",
		"\nRelations (5)\n",
		"\nDirectReports  → User       Direct Reports\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("\\describe lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestDescribeUnknownEntitySuggests(t *testing.T) {
	r := runREPL(t, "\\describe Tsak\n")
	check(t, "stderr", r.stderr, "czql-repl: no entity \"Tsak\" in the metadata\n\tdid you mean \"Task\"?\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
}

func TestTranslateShowsTheRequest(t *testing.T) {
	r := runREPL(t, "\\timing on\n\\translate SELECT name FROM task LIMIT 5\n")
	check(t, "stdout", r.stdout, `{
  "url": "/data/entityQuery",
  "method": "POST",
  "body": {
    "typeName": "Task",
    "fields": [
      "Name"
    ],
    "paging": {
      "limit": 5
    }
  }
}
`)
	if strings.Contains(r.stderr, "Time:") {
		t.Errorf("\\translate sent a request:\n%s", r.stderr)
	}
}

func TestTranslateReportsErrors(t *testing.T) {
	r := runREPL(t, "\\translate SELECT Nmae FROM Task\n")
	if r.stdout != "" || r.code != ExitFailed || !strings.Contains(r.stderr, `has no field "Nmae"`) {
		t.Errorf("code %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestFmtPrintsCanonicalForm(t *testing.T) {
	r := runREPL(t, "\\fmt select name from task where priority=1\n\\fmt SELECT FROM\n")
	check(t, "stdout", r.stdout, "SELECT name FROM task WHERE priority = 1;\n")
	if r.code != ExitFailed || !strings.Contains(r.stderr, "error[") {
		t.Errorf("code %d, stderr:\n%s", r.code, r.stderr)
	}
}

func TestSettingsRejectBadValues(t *testing.T) {
	r := runREPL(t, "\\x sideways\n\\timing maybe\n\\format\n")
	check(t, "stderr", r.stderr, "czql-repl: \\x takes on, off or auto, not \"sideways\"\n"+
		"czql-repl: \\timing takes on or off, not \"maybe\"\nformat is table\n")
	if r.code != ExitFailed {
		t.Errorf("exit code %d, want 1", r.code)
	}
}
