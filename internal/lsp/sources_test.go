package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
)

// misspelt is a statement whose field only metadata knows is wrong.
const misspelt = "SELECT Nme FROM Task LIMIT 1"

// checkedWithMetadata opens a document and reports whether it was
// checked against metadata (the misspelt field is found).
func checkedWithMetadata(t *testing.T, c *client, uri string) bool {
	t.Helper()
	c.open(uri, misspelt)
	got := c.diagnostics(uri, 1)
	return fmt.Sprint(codes(got)) == "[unknown-field]"
}

// Every place the metadata may come from is used, in its order.
func TestMetadataSources(t *testing.T) {
	t.Run("initializationOptions", func(t *testing.T) {
		c := start(t, clientOptions{})
		c.initialize("", fmt.Sprintf(`{"metadata": %q}`, fixtureMetadata))
		if !checkedWithMetadata(t, c, "file:///w/q.czql") {
			t.Error("not checked against the metadata")
		}
	})
	t.Run("workspace/configuration", func(t *testing.T) {
		c := start(t, clientOptions{settings: map[string]string{"metadata": fixtureMetadata}})
		c.initialize(`{"workspace": {"configuration": true}}`, "")
		if !checkedWithMetadata(t, c, "file:///w/q.czql") {
			t.Error("not checked against the metadata")
		}
	})
	t.Run(".czql.yaml", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, ".czql.yaml"), "metadata: "+fixtureMetadata+"\n")
		c := start(t, clientOptions{})
		c.initialize("", "")
		if !checkedWithMetadata(t, c, fileURI(dir, "a/b/q.czql")) {
			t.Error("not checked against the metadata")
		}
	})
	t.Run("CZQL_METADATA", func(t *testing.T) {
		c := start(t, clientOptions{env: map[string]string{"CZQL_METADATA": fixtureMetadata, "XDG_CACHE_HOME": t.TempDir()}})
		c.initialize("", "")
		if !checkedWithMetadata(t, c, "file:///w/q.czql") {
			t.Error("not checked against the metadata")
		}
	})
	t.Run("the organisation's cache", func(t *testing.T) {
		env := map[string]string{"XDG_CACHE_HOME": t.TempDir(), "CZQL_URL": "https://api.example.com/v2.0/services", "CZQL_USER": "me"}
		writeCache(t, frontend.MetadataCachePath(func(k string) string { return env[k] }))
		c := start(t, clientOptions{env: env})
		c.initialize("", "")
		if !checkedWithMetadata(t, c, "file:///w/q.czql") {
			t.Error("not checked against the metadata")
		}
	})
	t.Run("none: syntax only, said once", func(t *testing.T) {
		c := start(t, clientOptions{})
		c.initialize("", "")
		if checkedWithMetadata(t, c, "file:///w/q.czql") || checkedWithMetadata(t, c, "file:///w/r.czql") {
			t.Error("checked against metadata")
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if len(c.messages) != 1 || !strings.Contains(c.messages[0].Message, "no metadata: checking syntax only") {
			t.Errorf("messages %+v", c.messages)
		}
	})
}

// The initializationOptions win over .czql.yaml's metadata.
func TestInitializationOptionsWin(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.json")
	writeFile(t, empty, `{"entityDescriptions": []}`)
	writeFile(t, filepath.Join(dir, ".czql.yaml"), "metadata: "+fixtureMetadata+"\n")
	c := start(t, clientOptions{})
	c.initialize("", fmt.Sprintf(`{"metadata": %q}`, empty))
	uri := fileURI(dir, "q.czql")
	c.open(uri, misspelt)
	if got := codes(c.diagnostics(uri, 1)); fmt.Sprint(got) != "[unknown-entity]" {
		t.Errorf("codes %v, want the empty metadata's unknown-entity", got)
	}
}

// writeCache writes the fixture as a metadata cache at path.
func writeCache(t *testing.T, path string) {
	t.Helper()
	md, err := metadata.Load(fixtureMetadata)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := md.WriteCache(f); err != nil {
		t.Fatal(err)
	}
}

// taskMetadata is a describeMetadata document with one entity, Task,
// and the fields given.
func taskMetadata(fields ...string) string {
	var fs []map[string]any
	for _, f := range fields {
		fs = append(fs, map[string]any{"name": f, "type": "String", "filterable": true, "sortable": true})
	}
	doc, _ := json.Marshal(map[string]any{"entityDescriptions": []any{map[string]any{"typeName": "Task", "fields": fs}}})
	return string(doc)
}

// rewrite replaces a file, with a modification time that differs from
// the old one however coarse the file system's clock.
func rewrite(t *testing.T, path, text string) {
	t.Helper()
	writeFile(t, path, text)
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}

// Without watched files, a metadata file that changed is read again
// before the next check, and every open document is checked again.
func TestMetadataReloadedOnModification(t *testing.T) {
	dir := t.TempDir()
	mdPath := filepath.Join(dir, "md.json")
	writeFile(t, mdPath, taskMetadata("Name"))
	c := start(t, clientOptions{})
	c.initialize("", fmt.Sprintf(`{"metadata": %q}`, mdPath))
	a, b := fileURI(dir, "a.czql"), fileURI(dir, "b.czql")
	c.open(a, misspelt)
	c.open(b, misspelt)
	for _, uri := range []string{a, b} {
		if got := codes(c.diagnostics(uri, 1)); fmt.Sprint(got) != "[unknown-field]" {
			t.Fatalf("%s: %v", uri, got)
		}
	}
	rewrite(t, mdPath, taskMetadata("Name", "Nme"))
	before := c.publishedCount(b) // b is not edited
	c.change(a, 2, TextDocumentContentChangeEvent{Text: misspelt + ";"})
	if got := c.diagnostics(a, 2); len(got) != 0 {
		t.Errorf("a after the change: %+v", got)
	}
	c.waitFor("b checked again", func() bool { return countOf(c.diags, b) > before })
	if got := lastOf(c.diags, b).Diagnostics; len(got) != 0 {
		t.Errorf("b was not checked against the new metadata: %+v", got)
	}
}

// countOf counts the publications of uri.
func countOf(ps []PublishDiagnosticsParams, uri string) int {
	n := 0
	for _, p := range ps {
		if p.URI == uri {
			n++
		}
	}
	return n
}

// lastOf returns the last publication of uri.
func lastOf(ps []PublishDiagnosticsParams, uri string) PublishDiagnosticsParams {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].URI == uri {
			return ps[i]
		}
	}
	return PublishDiagnosticsParams{}
}

// A client that registers watchers dynamically is asked to watch the
// files, and a change it reports checks every open document again.
func TestWatchedFiles(t *testing.T) {
	dir := t.TempDir()
	mdPath := filepath.Join(dir, "md.json")
	writeFile(t, mdPath, taskMetadata("Name"))
	writeFile(t, filepath.Join(dir, ".czql.yaml"), "metadata: md.json\n")
	c := start(t, clientOptions{})
	c.initialize(`{"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true, "relativePatternSupport": true}}}`, "")
	uri := fileURI(dir, "q.czql")
	c.open(uri, misspelt)
	if got := codes(c.diagnostics(uri, 1)); fmt.Sprint(got) != "[unknown-field]" {
		t.Fatalf("codes %v", got)
	}
	c.waitFor("client/registerCapability", func() bool {
		for _, m := range c.requests {
			if m == "client/registerCapability" {
				return true
			}
		}
		return false
	})
	rewrite(t, mdPath, taskMetadata("Name", "Nme"))
	before := c.publishedCount(uri)
	c.notify("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams{Changes: []FileEvent{{URI: pathURI(mdPath), Type: 2}}})
	c.waitFor("the document checked again", func() bool { return countOf(c.diags, uri) > before })
	if got := lastOf(c.diags, uri).Diagnostics; len(got) != 0 {
		t.Errorf("not checked against the new metadata: %+v", got)
	}
}

// Neovim's built-in client offers utf-16 only, answers
// workspace/configuration with null when it has no settings for the
// server, and registers no watchers: diagnostics come all the same.
func TestNeovimDefaults(t *testing.T) {
	caps := `{
	  "general": {"positionEncodings": ["utf-16"]},
	  "workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": false}, "workspaceFolders": true},
	  "textDocument": {
	    "publishDiagnostics": {"relatedInformation": true, "versionSupport": true},
	    "completion": {"completionItem": {"snippetSupport": false, "documentationFormat": ["markdown", "plaintext"]}},
	    "hover": {"contentFormat": ["markdown", "plaintext"]},
	    "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
	    "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}}},
	    "semanticTokens": {"multilineTokenSupport": false}
	  }
	}`
	c := start(t, clientOptions{env: map[string]string{"CZQL_METADATA": fixtureMetadata}})
	res := c.initialize(caps, "")
	if res.Capabilities.PositionEncoding != "utf-16" {
		t.Errorf("encoding %q", res.Capabilities.PositionEncoding)
	}
	if !checkedWithMetadata(t, c, "file:///w/q.czql") {
		t.Error("not checked against CZQL_METADATA")
	}
}

// A change found by a request (here a completion) checks every open
// document again too.
func TestMetadataChangeFoundByARequest(t *testing.T) {
	dir := t.TempDir()
	mdPath := filepath.Join(dir, "md.json")
	writeFile(t, mdPath, taskMetadata("Name"))
	c := start(t, clientOptions{})
	c.initialize("", fmt.Sprintf(`{"metadata": %q}`, mdPath))
	uri := fileURI(dir, "a.czql")
	c.open(uri, misspelt)
	c.diagnostics(uri, 1)
	rewrite(t, mdPath, taskMetadata("Name", "Nme"))
	before := c.publishedCount(uri)
	c.complete(uri, Position{0, 7})
	c.waitFor("the document checked again", func() bool { return countOf(c.diags, uri) > before })
	if got := lastOf(c.diags, uri).Diagnostics; len(got) != 0 {
		t.Errorf("not checked against the new metadata: %+v", got)
	}
}
