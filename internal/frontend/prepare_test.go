package frontend

import (
	"bytes"
	"strings"
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// testMetadata loads the shared metadata fixture.
func testMetadata(t *testing.T) *metadata.Metadata {
	t.Helper()
	md, err := metadata.Load("../../testdata/metadata/clarizen.json")
	if err != nil {
		t.Fatal(err)
	}
	return md
}

func TestPrepareLeavesRuleInfosToLint(t *testing.T) {
	var w bytes.Buffer
	reqs, code := Prepare(&w, "q.czql", []byte("SELECT Name FROM Task"), czql.WithMetadata(testMetadata(t)))
	if code != ExitOK || len(reqs) != 1 {
		t.Fatalf("exit %d, %d requests:\n%s", code, len(reqs), &w)
	}
	if w.Len() != 0 {
		t.Errorf("the no-limit info is shown:\n%s", &w)
	}
}

func TestPrepareErrorsReturnNothing(t *testing.T) {
	var w bytes.Buffer
	reqs, code := Prepare(&w, "q.czql", []byte("SELECT Name FROM Task LIMIT 1; SELECT Nmae FROM Task LIMIT 1"), czql.WithMetadata(testMetadata(t)))
	if code != ExitErrors || reqs != nil {
		t.Errorf("exit %d, %d requests; want %d, none", code, len(reqs), ExitErrors)
	}
	if !strings.Contains(w.String(), `q.czql:1:39: error[unknown-field]: entity "Task" has no field "Nmae"`) {
		t.Errorf("diagnostics:\n%s", &w)
	}
}

func TestPrepareWarnsWithoutStatements(t *testing.T) {
	var w bytes.Buffer
	reqs, code := Prepare(&w, "q.czql", []byte("-- nothing here\n"))
	if code != ExitOK || len(reqs) != 0 || !strings.Contains(w.String(), "warning[no-statements]") {
		t.Errorf("exit %d, %d requests, diagnostics:\n%s", code, len(reqs), &w)
	}
}

func TestPrepareAppliesTheConfiguration(t *testing.T) {
	cfg := &czql.Config{Rules: map[string]diag.Severity{"unverified-function": diag.Error}}
	var w bytes.Buffer
	q := []byte("SELECT State, AVG(Work) AS W FROM Task GROUP BY State LIMIT 1")
	if _, code := Prepare(&w, "q.czql", q, czql.WithMetadata(testMetadata(t)), czql.WithConfig(cfg)); code != ExitErrors {
		t.Errorf("exit %d, want %d:\n%s", code, ExitErrors, &w)
	}
	if !strings.Contains(w.String(), "error[unverified-function]") {
		t.Errorf("diagnostics:\n%s", &w)
	}
}
