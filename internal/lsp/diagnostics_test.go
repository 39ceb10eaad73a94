package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/czql/czql"
	"github.com/czql/czql/diag"
)

// The published diagnostics are those of czql lint for the file, with
// the .czql.yaml above it (its metadata and rules), carrying the version,
// the source and the code.
func TestDiagnosticsAreThoseOfLint(t *testing.T) {
	dir := t.TempDir()
	cfgText := fmt.Sprintf("metadata: %s\nrules:\n  no-limit: off\n  name-case: warning\n", fixtureMetadata)
	writeFile(t, filepath.Join(dir, ".czql.yaml"), cfgText)
	src, err := os.ReadFile("../../testdata/lint/example.czql")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sub", "example.czql")
	writeFile(t, path, string(src))

	c := start(t, clientOptions{})
	c.initialize(`{"textDocument": {"publishDiagnostics": {"relatedInformation": true}}}`, "")
	uri := pathURI(path)
	c.open(uri, string(src))
	got := c.diagnostics(uri, 1)

	cfg, err := czql.LoadConfig(filepath.Join(dir, ".czql.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	md, err := czql.LoadMetadata(fixtureMetadata)
	if err != nil {
		t.Fatal(err)
	}
	lines := newLineIndex(string(src), utf16)
	var want []Diagnostic
	for _, d := range czql.Lint(path, src, czql.WithConfig(cfg), czql.WithMetadata(md)) {
		want = append(want, toLSP(lines, uri, d, true))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("published %+v\nlint gives %+v", got, want)
	}
	if fmt.Sprint(codes(got)) != "[unknown-field name-case name-case unknown-entity]" {
		t.Errorf("codes %v: the configuration's rules were not applied", codes(got))
	}
	for _, d := range got {
		if d.Source != "czql" || (d.Code == "name-case" && d.Severity != severityWarning) {
			t.Errorf("diagnostic %+v", d)
		}
	}
}

// A diagnostic's related places become related information when the
// client takes it; a diagnostic without a position is put at the start.
func TestDiagnosticConversion(t *testing.T) {
	text := "SELECT Name\nFROM Task WHERE (State = 'x'"
	src := diag.NewSource("q", []byte(text))
	d := diag.Diagnostic{Severity: diag.Error, Code: "syntax", Message: "unclosed '('",
		Range:   src.Range(len(text)-1, len(text)),
		Related: []diag.Related{{Range: src.Range(28, 29), Message: "opened here"}}}
	lines := newLineIndex(text, utf16)
	got := toLSP(lines, "file:///q", d, true)
	want := Diagnostic{Range: Range{Start: Position{1, 27}, End: Position{1, 28}}, Severity: severityError, Code: "syntax", Source: "czql", Message: "unclosed '('",
		RelatedInformation: []DiagnosticRelatedInformation{{Location: Location{URI: "file:///q", Range: Range{Start: Position{1, 16}, End: Position{1, 17}}}, Message: "opened here"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := toLSP(lines, "file:///q", d, false); got.RelatedInformation != nil {
		t.Error("related information sent to a client that does not take it")
	}
	whole := diag.Diagnostic{Severity: diag.Warning, Code: "bad-param", Message: "m"}
	if got := toLSP(lines, "file:///q", whole, true); got.Range != (Range{}) || got.Severity != severityWarning {
		t.Errorf("diagnostic without a position: %+v", got)
	}
}

// Closing a document clears its diagnostics.
func TestDiagnosticsClearedOnClose(t *testing.T) {
	c := start(t, clientOptions{})
	c.initialize("", "")
	uri := "file:///w/q.czql"
	c.open(uri, "SELECT FROM")
	if got := c.diagnostics(uri, 1); len(got) == 0 {
		t.Fatal("no syntax error published")
	}
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	c.waitFor("the clearing of "+uri, func() bool {
		last := c.diags[len(c.diags)-1]
		return last.URI == uri && last.Version == nil && len(last.Diagnostics) == 0
	})
}

// Diagnostics are pulled only from a client that declares pull support
// and asks for it; the others get them pushed.
func TestPullDiagnostics(t *testing.T) {
	pullCaps := `{"textDocument": {"diagnostic": {"dynamicRegistration": false}}}`
	for _, tc := range []struct {
		caps, opts string
		pull       bool
	}{
		{pullCaps, `{"pullDiagnostics": true}`, true},
		{pullCaps, "", false},
		{"", `{"pullDiagnostics": true}`, false},
	} {
		c := start(t, clientOptions{})
		res := c.initialize(tc.caps, tc.opts)
		if (res.Capabilities.DiagnosticProvider != nil) != tc.pull {
			t.Errorf("%s %s: diagnostic provider %v", tc.caps, tc.opts, res.Capabilities.DiagnosticProvider)
		}
		uri := "file:///w/q.czql"
		c.open(uri, "SELECT FROM Task")
		if !tc.pull {
			if got := c.diagnostics(uri, 1); len(got) != 1 {
				t.Errorf("pushed %+v", got)
			}
			continue
		}
		var report FullDocumentDiagnosticReport
		c.mustCall("textDocument/diagnostic", DocumentDiagnosticParams{TextDocument: TextDocumentIdentifier{URI: uri}}, &report)
		if report.Kind != "full" || len(report.Items) != 1 || report.Items[0].Code != "syntax" {
			t.Errorf("pulled %+v", report)
		}
		if n := c.publishedCount(uri); n != 0 {
			t.Errorf("%d publications in pull mode", n)
		}
	}
}
