// Package bench holds the benchmark harness that compares the czql parser
// with two SQL parsers for Go: github.com/xwb1989/sqlparser, a widely used
// vitess fork, and github.com/pingcap/tidb/pkg/parser, TiDB's MySQL parser.
//
// It is a separate module (github.com/czql/czql/bench) so that the main
// module does not depend on the peers. The package itself only generates
// the corpus: [Generate] builds a deterministic mix of CZQL queries of three
// sizes from one intermediate structure and renders each query three times,
// as CZQL, as token-equivalent MySQL that sqlparser accepts and as the same
// MySQL with ? parameter markers for TiDB's parser, plus a copy of the CZQL
// with one syntax error for the czql error-path benchmark. The benchmarks
// and the corpus checks live in the package's tests; see BENCHMARKS.md at
// the repository root for how to run them and for the figures.
package bench
