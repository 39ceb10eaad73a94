package czql

import (
	"slices"
	"strings"
	"testing"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

func TestParseIgnore(t *testing.T) {
	tests := []struct {
		comment string
		codes   []string
		ok      bool
	}{
		{"-- czql:ignore unknown-field", []string{"unknown-field"}, true},
		{"--czql:ignore a,b", []string{"a", "b"}, true},
		{"-- czql:ignore a , b  the reason, with a comma", []string{"a", "b"}, true},
		{"-- czql:ignore", nil, true},
		{"--   czql:ignore   ", nil, true},
		{"-- czql:ignored a", nil, false},
		{"-- see czql:ignore a", nil, false},
		{"/* czql:ignore a */", nil, false},
		{"-- a comment", nil, false},
	}
	for _, tt := range tests {
		codes, ok := parseIgnore(tt.comment)
		if ok != tt.ok || !slices.Equal(codes, tt.codes) {
			t.Errorf("parseIgnore(%q) = %q, %v; want %q, %v", tt.comment, codes, ok, tt.codes, tt.ok)
		}
	}
}

// diagAt returns a diagnostic of code at the byte offset of sub in text.
func diagAt(t *testing.T, src *diag.Source, code, sub string) diag.Diagnostic {
	t.Helper()
	i := strings.Index(string(src.Text), sub)
	if i < 0 {
		t.Fatalf("%q not in source", sub)
	}
	return diag.Errorf(code, src.Range(i, i+len(sub)), "problem with %s", sub)
}

func TestSuppress(t *testing.T) {
	text := `-- czql:ignore x,y
SELECT A1,
  A2 FROM T LIMIT 1;
SELECT B1 FROM T LIMIT 1; -- czql:ignore x
SELECT B2 FROM T LIMIT 1;
SELECT C1
  -- czql:ignore
  , C2, C3
FROM T LIMIT 1;
-- czql:ignore y

SELECT D1 FROM T LIMIT 1;
`
	if _, syn := parser.ParseFile("t.czql", []byte(text)); len(syn) > 0 {
		t.Fatalf("syntax: %v", syn)
	}
	src := diag.NewSource("t.czql", []byte(text))
	in := diag.List{
		diagAt(t, src, "x", "A1"),         // statement: silenced
		diagAt(t, src, "y", "A2"),         // statement, second line: silenced
		diagAt(t, src, "z", "A2"),         // other code: kept
		diagAt(t, src, "x", "B1"),         // end of line: silenced
		diagAt(t, src, "y", "B1"),         // other code on that line: kept
		diagAt(t, src, "x", "B2"),         // next line: kept
		diagAt(t, src, "x", "C1"),         // before the comment inside: kept
		diagAt(t, src, "q", "C2"),         // bare ignore on the next line: silenced
		diagAt(t, src, "x", "D1"),         // statement after a blank line, other code: kept
		diagAt(t, src, "Y", "D1"),         // codes match case-insensitively: silenced
		{Severity: diag.Error, Code: "x"}, // no position: kept
	}
	got := suppressAll([]byte(text), in)
	var kept []string
	for _, d := range got {
		kept = append(kept, d.Code+"@"+d.Range.Start.String())
	}
	want := []string{"z@3:3", "y@4:8", "x@5:8", "x@6:8", "x@12:8", "x@-"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
}

func TestSuppressNothing(t *testing.T) {
	text := []byte("SELECT A FROM T LIMIT 1 -- czql:ignore x\n")
	if got := suppressAll(text, nil); got != nil {
		t.Errorf("suppress of no diagnostics = %v", got)
	}
	if got := suppressAll([]byte("SELECT A FROM T"), diag.List{{Code: "x"}}); len(got) != 1 {
		t.Errorf("suppress without comments dropped diagnostics: %v", got)
	}
}

// suppressAll reads every comment of text into a suppressor, statement by
// statement, and returns l filtered by all of them.
func suppressAll(text []byte, l diag.List) diag.List {
	s := &suppressor{text: text}
	stmts := parser.NewStatements("t.czql", text)
	for stmts.Next() {
		s.add(stmts.Comments(), stmts.Query())
	}
	s.add(stmts.Comments(), nil)
	return s.filter(l)
}
