#!/bin/sh
# run.sh takes the figures of BENCHMARKS.md: the benchmarks (COUNT runs
# each, 6 by default), their benchstat summary, czql-vs-sqlparser,
# czql-vs-tidb and valid-vs-error comparisons and a CPU profile of the czql
# parser. Run it on a quiet machine; every output file is ignored by git
# (see .gitignore).
set -eu
cd "$(dirname "$0")"
count=${COUNT:-6}
benchstat="go run golang.org/x/perf/cmd/benchstat@latest"

go test -run=NONE -bench=. -benchmem -count="$count" | tee results.txt
$benchstat results.txt >results-benchstat.txt

# Pair each czql benchmark with its sqlparser (or tidb) twin by dropping the
# parser's name, so that benchstat prints the peer as the base and czql's
# change.
pair() {
	awk -v impl="$1" '
		/^Benchmark/ { if ($1 !~ "/" impl "-[0-9]+$") next; sub("/" impl "-", "-", $1); print; next }
		{ print }' results.txt
}
pair sqlparser >results-sqlparser.txt
pair tidb >results-tidb.txt
pair czql >results-czql.txt
$benchstat sqlparser=results-sqlparser.txt czql=results-czql.txt >results-compare.txt
$benchstat tidb=results-tidb.txt czql=results-czql.txt >results-compare-tidb.txt
# czql on the corpus with one syntax error per query against the valid one
# (BenchmarkCZQLErrors/…/valid and …/error), the valid one as the base.
pair valid >results-valid.txt
pair error >results-error.txt
$benchstat valid=results-valid.txt error=results-error.txt >results-compare-errors.txt
go run ./cmd/benchtable results.txt >results-table.txt

go test -run=NONE -bench='^BenchmarkParse$/^czql$' -benchtime=5s -cpuprofile cpu.out -memprofile mem.out >/dev/null
go tool pprof -top -nodecount=25 cpu.out >profile-cpu.txt 2>/dev/null
go tool pprof -top -cum -nodecount=40 cpu.out >profile-cpu-cum.txt 2>/dev/null
go tool pprof -sample_index=alloc_objects -top -nodecount=20 mem.out >profile-allocs.txt 2>/dev/null
echo "wrote results*.txt and profile-*.txt"
