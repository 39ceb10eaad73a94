package format

import (
	"bytes"
	"slices"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
)

// checkFormat formats src, which must parse without errors, and checks the
// printer's guarantees: the output parses without errors to the same trees
// (ignoring ranges) with the same comments in the same order, and
// formatting it again changes nothing. It returns the output.
func checkFormat(t testing.TB, name string, src []byte) []byte {
	t.Helper()
	f1, diags := parser.ParseFile(name, src)
	if diags.HasErrors() {
		t.Fatalf("%s: input does not parse: %v", name, diags)
	}
	out, diags := Source(name, src)
	if diags.HasErrors() || out == nil && len(f1.Queries)+len(f1.Comments) > 0 {
		t.Fatalf("%s: Source failed: %v", name, diags)
	}
	var whole, streamed bytes.Buffer
	if err := File(&whole, f1); err != nil || whole.String() != string(out) {
		t.Fatalf("%s: Source, one statement at a time, differs from File on the whole tree (err %v)\nSource:\n%s\nFile:\n%s", name, err, out, whole.Bytes())
	}
	if _, err := WriteSource(&streamed, name, src); err != nil || streamed.String() != string(out) {
		t.Fatalf("%s: WriteSource differs from Source (err %v)\nWriteSource:\n%s", name, err, streamed.Bytes())
	}
	f2, diags := parser.ParseFile(name, out)
	if diags.HasErrors() {
		t.Fatalf("%s: output does not parse: %v\noutput:\n%s", name, diags, out)
	}
	if a, b := dumpQueries(f1), dumpQueries(f2); !slices.Equal(a, b) {
		t.Fatalf("%s: output parses to another tree\ninput:\n%s\noutput:\n%s\ntrees before:\n%q\nafter:\n%q", name, src, out, a, b)
	}
	if a, b := commentTexts(f1), commentTexts(f2); !slices.Equal(a, b) {
		t.Fatalf("%s: comments changed\ninput:\n%s\noutput:\n%s\nbefore: %q\nafter:  %q", name, src, out, a, b)
	}
	again, _ := Source(name, out)
	if string(again) != string(out) {
		t.Fatalf("%s: formatting is not idempotent\ninput:\n%s\nfirst:\n%s\nsecond:\n%s", name, src, out, again)
	}
	return out
}

// dumpQueries returns the tree of each statement without ranges.
func dumpQueries(f *ast.File) []string {
	var dumps []string
	for _, q := range f.Queries {
		dumps = append(dumps, ast.Sprint(q, false))
	}
	return dumps
}

// commentTexts returns the comments as the printer writes them.
func commentTexts(f *ast.File) []string {
	var texts []string
	for _, c := range f.Comments {
		text, _ := commentText(c.Text)
		texts = append(texts, text)
	}
	return texts
}
