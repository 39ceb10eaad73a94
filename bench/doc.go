// Package bench holds the benchmark harness that compares the czql parser
// with github.com/xwb1989/sqlparser, a widely used SQL parser for Go (a
// vitess fork).
//
// It is a separate module (github.com/czql/czql/bench) so that the main
// module does not depend on sqlparser. The package itself only generates the
// corpus: [Generate] builds a deterministic mix of CZQL queries of three
// sizes from one intermediate structure and renders each query twice, as
// CZQL and as token-equivalent MySQL that sqlparser accepts. The
// benchmarks and the corpus checks live in the package's tests; see
// BENCHMARKS.md at the repository root for how to run them and for the
// figures.
package bench
