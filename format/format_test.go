package format

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

func TestSourceErrors(t *testing.T) {
	out, diags := Source("bad.czql", []byte("SELECT Name FROM Task WHERE -- c\n"))
	if out != nil {
		t.Errorf("Source printed a broken file:\n%s", out)
	}
	if !diags.HasErrors() {
		t.Errorf("Source returned no error diagnostics: %v", diags)
	}
}

func TestSourceEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  ;  ; \n"} {
		out, diags := Source("empty.czql", []byte(src))
		if diags.HasErrors() || len(out) != 0 {
			t.Errorf("Source(%q) = %q, %v; want no output and no errors", src, out, diags)
		}
	}
}

// TestQueryMatchesFile checks that Query prints a parsed statement as File
// does, without comments and the final ';'.
func TestQueryMatchesFile(t *testing.T) {
	srcs := []string{
		"select a, b from t where x = 1 and y in (select z from u) order by a desc limit 3",
		"SELECT @Name, PercentCompleted, TrackStatus.Name, ProjectManager.Name, (SELECT Name FROM Resources), (SELECT Title FROM RelatedRequests) FROM Project WHERE ParentProject = '/Project/5r4db1jbd0biqmx59gobn5o6s681'",
	}
	for _, src := range srcs {
		q, diags := parser.ParseQuery("q.czql", []byte(src))
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		out, _ := Source("q.czql", []byte(src))
		if got, want := Query(q), strings.TrimSuffix(string(out), ";\n"); got != want {
			t.Errorf("Query() =\n%s\nFile gives\n%s", got, want)
		}
	}
}

func TestQueryDropsComments(t *testing.T) {
	q, diags := parser.ParseQuery("q.czql", []byte("SELECT Name -- c\nFROM Task"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if got, want := Query(q), "SELECT Name FROM Task"; got != want {
		t.Errorf("Query() = %q, want %q", got, want)
	}
}

// TestFileHandBuilt prints a file whose nodes have no ranges, as the
// translator builds them.
func TestFileHandBuilt(t *testing.T) {
	f := &ast.File{Queries: []*ast.Query{
		sel("Task", cmp("State", ast.Eq, str("Active")), fields("Name")...),
		nil,
		sel("User", nil, fields("Name", "Email")...),
	}}
	var buf bytes.Buffer
	if err := File(&buf, f); err != nil {
		t.Fatal(err)
	}
	want := "SELECT Name FROM Task WHERE State = 'Active';\n\nSELECT Name, Email FROM User;\n"
	if got := buf.String(); got != want {
		t.Errorf("File() =\n%s\nwant\n%s", got, want)
	}
	buf.Reset()
	if err := File(&buf, &ast.File{}); err != nil || buf.Len() != 0 {
		t.Errorf("File(empty) = %q, %v; want nothing", buf.String(), err)
	}
}

// TestFileError checks that File writes nothing for a partial tree.
func TestFileError(t *testing.T) {
	for _, src := range []string{"SELECT Name FROM;\nSELECT x FROM y", "SELECT FROM Task"} {
		f, _ := parser.ParseFile("bad.czql", []byte(src))
		var buf bytes.Buffer
		if err := File(&buf, f); err == nil {
			t.Errorf("File() of a partial tree succeeded:\n%s", buf.String())
		}
		if buf.Len() != 0 {
			t.Errorf("File() wrote %q despite the error", buf.String())
		}
	}
}

// TestCommentRanges checks that comments with positions but a tree without
// them still all come out, after the statements.
func TestCommentRanges(t *testing.T) {
	pos := diag.Pos{Offset: 3, Line: 1, Col: 4}
	f := &ast.File{
		Queries:  []*ast.Query{sel("Task", nil, fields("Name")...)},
		Comments: []*ast.Comment{{Text: "-- note", Rng: diag.Range{Start: pos, End: pos}}},
	}
	var buf bytes.Buffer
	if err := File(&buf, f); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "SELECT Name FROM Task;\n-- note\n"; got != want {
		t.Errorf("File() = %q, want %q", got, want)
	}
}

func TestWriteSourceWritesNothingOnErrors(t *testing.T) {
	var out bytes.Buffer
	diags, err := WriteSource(&out, "t.czql", []byte("SELECT Name FROM Task;\nSELECT FROM Task;\nSELECT Name FROM Project;\n"))
	if err != nil || !diags.HasErrors() {
		t.Fatalf("WriteSource = %v, %v; want the syntax error", diags, err)
	}
	if out.Len() != 0 {
		t.Errorf("WriteSource wrote %q for a file with a syntax error", out.String())
	}
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(b []byte) (int, error) {
	if len(b) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(b)
	return len(b), nil
}

func TestWriteSourceReportsAFailedWrite(t *testing.T) {
	src := []byte(strings.Repeat("SELECT Name FROM Task;\n", 100))
	diags, err := WriteSource(&failingWriter{n: 100}, "t.czql", src)
	if err == nil || err.Error() != "disk full" || len(diags) != 0 {
		t.Errorf("WriteSource = %v, %v; want the write error alone", diags, err)
	}
}
