package bench

import (
	"strings"
	"testing"

	tidb "github.com/pingcap/tidb/pkg/parser"
	_ "github.com/pingcap/tidb/pkg/parser/test_driver" // value expressions for the parser
)

// parseTiDB returns a parseAll for TiDB's parser over srcs. One parser is
// made per call, that is per benchmark, and reused for every query, as a
// TiDB session does.
func parseTiDB(srcs []string) func(b *testing.B) {
	p := tidb.New()
	return func(b *testing.B) {
		for _, s := range srcs {
			if _, err := p.ParseOneStmt(s, "", ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestTiDBParses checks that TiDB's parser accepts every TiDB rendering.
func TestTiDBParses(t *testing.T) {
	p := tidb.New()
	for i, q := range corpus {
		if _, err := p.ParseOneStmt(q.TiDB, "", ""); err != nil {
			t.Errorf("query %d (%v): %v\n%s", i, q.Class, err, q.TiDB)
		}
	}
}

// tidbTokens counts the tokens TiDB's scanner reads from src, end of input
// excluded. The scanner's token type is not exported, only the value of
// each token ([tidb.Scanner.LexLiteral]), which is "" at the end of input;
// no token of the corpus has the empty string as its value (the corpus has
// no empty string literal).
func tidbTokens(t *testing.T, src string) int {
	sc := tidb.NewScanner(src)
	n := 0
	for {
		if v, ok := sc.LexLiteral().(string); ok && v == "" {
			break
		}
		n++
		if n > len(src) {
			t.Fatalf("TiDB scanner: more tokens than bytes in\n%s", src)
		}
	}
	if warns, errs := sc.Errors(); len(warns)+len(errs) != 0 {
		t.Fatalf("TiDB scanner: %v %v in\n%s", warns, errs, src)
	}
	return n
}

// TestTiDBTokenCount checks that TiDB's scanner sees exactly the tokens the
// generator wrote.
func TestTiDBTokenCount(t *testing.T) {
	for i, q := range corpus {
		if got := tidbTokens(t, q.TiDB); got != q.Tokens {
			t.Errorf("query %d: TiDB reads %d tokens, generator wrote %d\n%s", i, got, q.Tokens, q.TiDB)
		}
	}
}

// TestTiDBTextIsSQL checks that the TiDB rendering differs from the
// sqlparser one only where TiDB needs it: the bind parameters.
func TestTiDBTextIsSQL(t *testing.T) {
	for i, q := range corpus {
		if q.TiDB != paramsAsMarkers(q.SQL) {
			t.Errorf("query %d: the TiDB text differs from the SQL text beyond its parameters:\n%s\n%s", i, q.SQL, q.TiDB)
		}
	}
}

// paramsAsMarkers replaces every bind parameter of the schema's pool
// (:fromDate, …) in sql by ?.
func paramsAsMarkers(sql string) string {
	for _, p := range params {
		sql = strings.ReplaceAll(sql, p, "?")
	}
	return sql
}
