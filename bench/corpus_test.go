package bench

import (
	"testing"

	"github.com/xwb1989/sqlparser"
)

// corpus is the benchmark corpus, built once.
var corpus = Generate(DefaultSeed, DefaultSize)

func TestGenerateDeterministic(t *testing.T) {
	again := Generate(DefaultSeed, DefaultSize)
	for i := range corpus {
		if corpus[i] != again[i] {
			t.Fatalf("query %d differs between two runs:\n%s\n%s", i, corpus[i].CZQL, again[i].CZQL)
		}
	}
}

func TestCorpusMix(t *testing.T) {
	want := map[Class]int{Small: 200, Medium: 200, Large: 100}
	for _, c := range Classes {
		if got := len(Filter(corpus, c)); got != want[c] {
			t.Errorf("%v: %d queries, want %d", c, got, want[c])
		}
	}
}

// TestSQLParses checks that sqlparser accepts every SQL rendering.
func TestSQLParses(t *testing.T) {
	for i, q := range corpus {
		if _, err := sqlparser.Parse(q.SQL); err != nil {
			t.Errorf("query %d (%v): %v\n%s", i, q.Class, err, q.SQL)
		}
	}
}

// sqlTokens counts the tokens sqlparser's tokenizer reads from src, end of
// input excluded.
func sqlTokens(t *testing.T, src string) int {
	tk := sqlparser.NewStringTokenizer(src)
	n := 0
	for {
		typ, val := tk.Scan()
		switch typ {
		case 0:
			return n
		case sqlparser.LEX_ERROR:
			t.Fatalf("sqlparser tokenizer: error at %q in\n%s", val, src)
		}
		n++
	}
}

// TestSQLTokenCount checks that sqlparser's tokenizer sees exactly the
// tokens the generator wrote.
func TestSQLTokenCount(t *testing.T) {
	for i, q := range corpus {
		if got := sqlTokens(t, q.SQL); got != q.Tokens {
			t.Errorf("query %d: sqlparser reads %d tokens, generator wrote %d\n%s", i, got, q.Tokens, q.SQL)
		}
	}
}

// TestCorpusShape checks the promised sizes of each class.
func TestCorpusShape(t *testing.T) {
	for i, q := range corpus {
		var ok bool
		switch q.Class {
		case Small:
			ok = q.Preds == 1 && q.Depth == 0
		case Medium:
			ok = q.Preds >= 3 && q.Preds <= 5 && q.Depth <= 1
		case Large:
			ok = q.Preds == 15 && q.Depth == 3
		}
		if !ok {
			t.Errorf("query %d (%v): %d predicates, depth %d\n%s", i, q.Class, q.Preds, q.Depth, q.CZQL)
		}
	}
}
