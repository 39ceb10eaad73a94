package bench

import (
	"runtime"
	"testing"

	"github.com/xwb1989/sqlparser"
)

// Every benchmark parses a whole set of queries per iteration (the full
// corpus, or one class of it for the per-class benchmarks), so ns/op, B/op
// and allocs/op are per set. The custom metrics bring them down to one
// query: queries/s, ns/query and allocs/query. MB/s counts the input bytes
// of the dialect being parsed.

// sqlTexts, tidbTexts and czqlTexts are the corpus in each parser's input
// type: a string for sqlparser.Parse, TiDB's ParseOneStmt and the lexer, a
// []byte for parser.ParseQuery.
var (
	sqlTexts  = sqlOf(corpus)
	tidbTexts = tidbOf(corpus)
	czqlTexts = czqlOf(corpus)
)

func sqlOf(qs []Query) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.SQL
	}
	return out
}

func tidbOf(qs []Query) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.TiDB
	}
	return out
}

func czqlOf(qs []Query) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.CZQL
	}
	return out
}

func bytesOf(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func totalLen(ss []string) int64 {
	var n int64
	for _, s := range ss {
		n += int64(len(s))
	}
	return n
}

// run times parseAll, which parses n queries of size bytes in total, and
// reports the per-query metrics.
func run(b *testing.B, n int, size int64, parseAll func(b *testing.B)) {
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		parseAll(b)
	}
	runtime.ReadMemStats(&after)
	queries := float64(b.N) * float64(n)
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(queries/s, "queries/s")
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/queries, "ns/query")
	}
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/queries, "allocs/query")
}

// parseSQL returns a parseAll for sqlparser over srcs.
func parseSQL(srcs []string) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			if _, err := sqlparser.Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// lexSQL returns a parseAll that only tokenizes srcs with sqlparser's
// tokenizer.
func lexSQL(srcs []string) func(b *testing.B) {
	return func(b *testing.B) {
		for _, s := range srcs {
			tk := sqlparser.NewStringTokenizer(s)
			for {
				typ, _ := tk.Scan()
				if typ == 0 {
					break
				}
				if typ == sqlparser.LEX_ERROR {
					b.Fatal(tk.LastError)
				}
			}
		}
	}
}

// BenchmarkParse parses the whole corpus with each parser: czql, sqlparser
// and TiDB's parser (one parser per benchmark, reused across queries).
func BenchmarkParse(b *testing.B) {
	b.Run("czql", func(b *testing.B) {
		run(b, len(czqlTexts), totalLen(czqlTexts), parseCZQL(bytesOf(czqlTexts)))
	})
	b.Run("sqlparser", func(b *testing.B) {
		run(b, len(sqlTexts), totalLen(sqlTexts), parseSQL(sqlTexts))
	})
	b.Run("tidb", func(b *testing.B) {
		run(b, len(tidbTexts), totalLen(tidbTexts), parseTiDB(tidbTexts))
	})
}

// BenchmarkParseClass parses each size class separately.
func BenchmarkParseClass(b *testing.B) {
	for _, c := range Classes {
		qs := Filter(corpus, c)
		cz, sq, ti := czqlOf(qs), sqlOf(qs), tidbOf(qs)
		b.Run(c.String()+"/czql", func(b *testing.B) {
			run(b, len(cz), totalLen(cz), parseCZQL(bytesOf(cz)))
		})
		b.Run(c.String()+"/sqlparser", func(b *testing.B) {
			run(b, len(sq), totalLen(sq), parseSQL(sq))
		})
		b.Run(c.String()+"/tidb", func(b *testing.B) {
			run(b, len(ti), totalLen(ti), parseTiDB(ti))
		})
	}
}

// BenchmarkCZQLErrors parses, with czql, the corpus as it is ("valid") and
// the same queries with one syntax error each ("error", see
// [Query.CZQLError]), first whole and then class by class:
// CZQLErrors/valid against CZQLErrors/error, CZQLErrors/small/valid
// against CZQLErrors/small/error, and so on. "valid" is the same work as
// Parse/czql and ParseClass/*/czql.
func BenchmarkCZQLErrors(b *testing.B) {
	type set struct {
		prefix string // "" for the whole corpus, "small/" for a class
		qs     []Query
	}
	sets := []set{{"", corpus}}
	for _, c := range Classes {
		sets = append(sets, set{c.String() + "/", Filter(corpus, c)})
	}
	for _, set := range sets {
		valid, bad := czqlOf(set.qs), czqlErrorsOf(set.qs)
		b.Run(set.prefix+"valid", func(b *testing.B) {
			run(b, len(valid), totalLen(valid), parseCZQL(bytesOf(valid)))
		})
		b.Run(set.prefix+"error", func(b *testing.B) {
			run(b, len(bad), totalLen(bad), parseCZQLErrors(bytesOf(bad)))
		})
	}
}

// BenchmarkParseTranslate parses and translates the whole corpus to request
// JSON structures (not encoded). sqlparser has no counterpart.
func BenchmarkParseTranslate(b *testing.B) {
	b.Run("czql", func(b *testing.B) {
		run(b, len(czqlTexts), totalLen(czqlTexts), parseTranslateCZQL(bytesOf(czqlTexts)))
	})
}

// BenchmarkLex tokenizes the whole corpus with each lexer. czql is
// [lexer.Scan], which collects the tokens into a slice for the parser;
// czql-next only pulls tokens from a [lexer.Scanner], like the sqlparser
// tokenizer loop.
func BenchmarkLex(b *testing.B) {
	b.Run("czql", func(b *testing.B) {
		run(b, len(czqlTexts), totalLen(czqlTexts), lexCZQL(czqlTexts))
	})
	b.Run("czql-next", func(b *testing.B) {
		run(b, len(czqlTexts), totalLen(czqlTexts), nextCZQL(czqlTexts))
	})
	b.Run("sqlparser", func(b *testing.B) {
		run(b, len(sqlTexts), totalLen(sqlTexts), lexSQL(sqlTexts))
	})
}
