package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// lintSchemaInputs are files whose diagnostics exercise every part of the
// reports: suggestions with edits, details, several severities, multi-byte
// text, a syntax error, a file without findings.
var lintSchemaInputs = map[string]string{
	"a.czql":       "SELECT name, DueDat FROM task WHERE State = 'Actve';\nSELECT Name, Name FROM Custmer LIMIT 1;\n",
	"dir/é ü.czql": "SELECT Name FROM Task WHERE Name = 'ünïcödé' AND Nme = 'x' LIMIT 1\n",
	"syntax.czql":  "SELECT Name FROM Task WHERE AND\n",
	"clean.czql":   "SELECT Name FROM Task LIMIT 1\n",
	"empty.czql":   "-- nothing here\n",
}

// fixtureMetadata returns the path of the shared metadata fixture.
func fixtureMetadata(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs("../../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// lintInDir writes files to a new working directory and runs czql lint
// there with args, returning standard output. It must not run in
// parallel: it changes the working directory.
func lintInDir(t *testing.T, files map[string]string, args ...string) []byte {
	t.Helper()
	md := fixtureMetadata(t)
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"lint", "--metadata", md}, args...), strings.NewReader(""), &stdout, &stderr)
	if code != ExitErrors {
		t.Fatalf("czql lint %v: exit %d, want %d; stderr:\n%s", args, code, ExitErrors, &stderr)
	}
	if stderr.Len() > 0 {
		t.Errorf("czql lint %v wrote to standard error:\n%s", args, &stderr)
	}
	return stdout.Bytes()
}

// validateAgainst checks the JSON document doc against the schema file.
func validateAgainst(t *testing.T, schemaPath string, doc []byte) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	abs, err := filepath.Abs(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compiling %s: %v", schemaPath, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, doc)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not match %s: %v\n%s", schemaPath, err, doc)
	}
}

func TestLintJSONSchema(t *testing.T) {
	schema, _ := filepath.Abs("testdata/lint-json.schema.json")
	out := lintInDir(t, lintSchemaInputs, "--format", "json", ".")
	validateAgainst(t, schema, out)
	var rep jsonLintReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != len(lintSchemaInputs) || rep.Summary.Errors == 0 || rep.Summary.Warnings == 0 || rep.Summary.Infos == 0 {
		t.Errorf("report has %d files and summary %+v; want %d files and every severity", len(rep.Files), rep.Summary, len(lintSchemaInputs))
	}
}

func TestLintSARIFSchema(t *testing.T) {
	schema, _ := filepath.Abs("testdata/sarif/sarif-schema-2.1.0.json")
	out := lintInDir(t, lintSchemaInputs, "--format", "sarif", ".")
	validateAgainst(t, schema, out)
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, res := range run.Results {
		if r := run.Tool.Driver.Rules[res.RuleIndex]; r.ID != res.RuleID {
			t.Errorf("result %q has ruleIndex %d, which is rule %q", res.RuleID, res.RuleIndex, r.ID)
		}
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if strings.Contains(uri, `\`) || strings.HasPrefix(uri, "/") {
			t.Errorf("uri %q is not relative with forward slashes", uri)
		}
	}
	if !strings.Contains(string(out), `"uri": "dir/%C3%A9%20%C3%BC.czql"`) {
		t.Errorf("SARIF lacks the escaped relative URI of dir/é ü.czql:\n%s", out)
	}
}
