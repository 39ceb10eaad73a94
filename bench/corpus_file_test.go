package bench

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusFile is the benchmark corpus as a .czql file in the main module,
// which cannot import this one: the parser's differential test reads it.
var corpusFile = filepath.Join("..", "parser", "testdata", "corpus", "bench.czql")

// The -update flag rewrites corpusFile. It is defined here unless another
// file of the package's tests already defines it (package-level variables
// are initialised before init functions run).
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite generated files with the current output")
	}
}

// updating reports whether -update was given.
func updating() bool {
	g, ok := flag.Lookup("update").Value.(flag.Getter)
	if !ok {
		return false
	}
	b, _ := g.Get().(bool)
	return b
}

// corpusText returns the CZQL of every query of the corpus, each ended by
// ";\n".
func corpusText() string {
	var b strings.Builder
	for _, q := range corpus {
		b.WriteString(q.CZQL)
		b.WriteString(";\n")
	}
	return b.String()
}

// TestCorpusFile checks that corpusFile holds the corpus; -update rewrites
// it.
func TestCorpusFile(t *testing.T) {
	want := corpusText()
	if updating() {
		if err := os.MkdirAll(filepath.Dir(corpusFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(corpusFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(corpusFile)
	if err != nil {
		t.Fatalf("%v; run go test -run TestCorpusFile -update in bench", err)
	}
	if !bytes.Equal(got, []byte(want)) {
		t.Errorf("%s is out of date (%d bytes, want %d); run go test -run TestCorpusFile -update in bench", corpusFile, len(got), len(want))
	}
}
