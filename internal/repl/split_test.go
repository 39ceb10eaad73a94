package repl

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitterCutsAtSemicolonTokens(t *testing.T) {
	sp := newSplitter()
	var got []string
	for _, line := range []string{
		"SELECT Name FROM Task WHERE Name = 'a;b'; -- c;\n",
		"/* ; */ SELECT\n",
		"Name FROM User; ;\n",
		"SELECT Name FROM Task",
	} {
		got = append(got, sp.add(line)...)
	}
	got = append(got, sp.flush())
	want := []string{
		"SELECT Name FROM Task WHERE Name = 'a;b';",
		strings.Repeat(" ", 41) + " -- c;\n/* ; */ SELECT\nName FROM User;",
		"\n\n" + strings.Repeat(" ", 17) + "\nSELECT Name FROM Task",
	}
	if !slices.Equal(got, want) {
		t.Errorf("statements:\n got %q\nwant %q", got, want)
	}
}

func TestSplitterKeepsUnterminatedText(t *testing.T) {
	sp := newSplitter()
	if stmts := sp.add("SELECT Name FROM Task WHERE Name = 'x;\n"); len(stmts) != 0 || !sp.unterminated() {
		t.Errorf("cut inside a string: %q", stmts)
	}
	sp = newSplitter()
	if stmts := sp.add("/* a;\n"); len(stmts) != 0 || !sp.unterminated() {
		t.Errorf("cut inside a comment: %q", stmts)
	}
	if stmts := sp.add("\\b; */ SELECT Name FROM Task;\n"); len(stmts) != 1 {
		t.Errorf("statements %q, want one", stmts)
	}
}
