package ast_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// TestJSONWriterMatchesWriteJSON writes files one statement at a time
// with a JSONWriter, as `czql parse --ast` does, and checks that the
// document is WriteJSON's for the whole tree.
func TestJSONWriterMatchesWriteJSON(t *testing.T) {
	for _, src := range []string{
		"",
		"-- only a comment\n",
		"SELECT Name FROM Task; -- after\n/* between */ SELECT COUNT(Id) AS n FROM Task GROUP BY State;",
		"SELECT FROM Task WHERE (a = 1; SELECT é FROM \"x\"",
	} {
		text := []byte(src)
		f, diags := parser.ParseFile("t.czql", text)
		var whole bytes.Buffer
		if err := ast.WriteJSON(&whole, diag.NewSource("t.czql", text), f, diags); err != nil {
			t.Fatal(err)
		}
		var streamed bytes.Buffer
		w, err := ast.NewJSONWriter(&streamed, diag.NewSource("t.czql", text))
		if err != nil {
			t.Fatal(err)
		}
		var comments []*ast.Comment
		stmts := parser.NewStatements("t.czql", text)
		for stmts.Next() {
			w.Query(stmts.Query())
			comments = append(comments, stmts.Comments()...)
		}
		for _, c := range append(comments, stmts.Comments()...) {
			w.Comment(c)
		}
		if err := w.Close(diags); err != nil {
			t.Fatal(err)
		}
		if whole.String() != streamed.String() {
			t.Errorf("%q: JSONWriter wrote\n%s\nWriteJSON\n%s", src, streamed.Bytes(), whole.Bytes())
		}
	}
}

func TestNewJSONWriterNeedsTheSource(t *testing.T) {
	if _, err := ast.NewJSONWriter(&bytes.Buffer{}, nil); err == nil {
		t.Error("NewJSONWriter without a source gave no error")
	}
}

// closedPipe fails every write.
type closedPipe struct{}

func (closedPipe) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestJSONWriterReturnsTheWriteError(t *testing.T) {
	w, err := ast.NewJSONWriter(closedPipe{}, diag.NewSource("t.czql", nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(nil); err == nil || err.Error() != "pipe closed" {
		t.Errorf("Close = %v, want the write error", err)
	}
}
