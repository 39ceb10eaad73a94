// Command benchtable turns the output of `go test -bench` in the bench
// module into the Markdown tables of BENCHMARKS.md: the median of every
// metric of every benchmark, the czql-to-sqlparser and czql-to-tidb
// ratios of the benchmarks that exist for both parsers, and the ratios of
// czql on queries with a syntax error to czql on the valid queries.
//
// Usage:
//
//	go run ./cmd/benchtable results.txt
//
// A benchmark run several times (-count) is summarised by its median, as
// benchstat does; benchstat's output gives the confidence intervals.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchtable results.txt")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	runs, order, err := read(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	write(os.Stdout, runs, order)
}

// samples maps a unit, such as "ns/op", to the values of every run.
type samples map[string][]float64

// procSuffix is the -GOMAXPROCS suffix of a benchmark name.
var procSuffix = regexp.MustCompile(`-\d+$`)

// read collects the samples of each benchmark, named without "Benchmark"
// and without the GOMAXPROCS suffix, and the names in first-seen order.
func read(r io.Reader) (map[string]samples, []string, error) {
	runs := map[string]samples{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := procSuffix.ReplaceAllString(strings.TrimPrefix(fields[0], "Benchmark"), "")
		s, ok := runs[name]
		if !ok {
			s = samples{}
			runs[name] = s
			order = append(order, name)
		}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: bad value %q", name, fields[i])
			}
			s[fields[i+1]] = append(s[fields[i+1]], v)
		}
	}
	return runs, order, sc.Err()
}

// median returns the median of the samples of unit, and false if there
// are none.
func (s samples) median(unit string) (float64, bool) {
	vs := slices.Clone(s[unit])
	if len(vs) == 0 {
		return 0, false
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 1 {
		return vs[n/2], true
	}
	return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2, true
}

// columns are the metrics of the first table, in order.
var columns = []struct{ title, unit, format string }{
	{"queries/s", "queries/s", "%.0f"},
	{"µs/query", "ns/query", "µs"},
	{"MB/s", "MB/s", "%.1f"},
	{"allocs/query", "allocs/query", "%.1f"},
	{"B/query", "B/op", "perquery"},
	{"ms/op (whole set)", "ns/op", "ms"},
}

func write(w io.Writer, runs map[string]samples, order []string) {
	fmt.Fprintln(w, "| benchmark | runs | "+joinTitles()+" |")
	fmt.Fprintln(w, "|---|---:|"+strings.Repeat("---:|", len(columns)))
	for _, name := range order {
		s := runs[name]
		cells := []string{name, strconv.Itoa(len(s["ns/op"]))}
		for _, c := range columns {
			cells = append(cells, cell(s, c.unit, c.format))
		}
		fmt.Fprintln(w, "| "+strings.Join(cells, " | ")+" |")
	}
	for _, p := range pairs {
		writePair(w, runs, order, p[0], p[1])
	}
}

// pairs are the ratio tables: czql against each peer parser, and czql's
// error corpus against the valid one (BenchmarkCZQLErrors).
var pairs = [][2]string{{"czql", "sqlparser"}, {"czql", "tidb"}, {"error", "valid"}}

// writePair writes the table of the benchmarks named …/a that have a twin
// …/b, with the throughput of a over that of b. It writes nothing when no
// benchmark has both.
func writePair(w io.Writer, runs map[string]samples, order []string, a, b string) {
	header := false
	for _, name := range order {
		base, ok := strings.CutSuffix(name, "/"+a)
		if !ok {
			continue
		}
		x, y := runs[name], runs[base+"/"+b]
		if y == nil {
			continue
		}
		if !header {
			fmt.Fprintln(w)
			fmt.Fprintf(w, "| set | %[1]s queries/s | %[2]s queries/s | %[1]s ÷ %[2]s (throughput) | %[1]s allocs/query | %[2]s allocs/query | %[1]s B/query | %[2]s B/query |\n", a, b)
			fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
			header = true
		}
		qx, _ := x.median("queries/s")
		qy, _ := y.median("queries/s")
		fmt.Fprintf(w, "| %s | %.0f | %.0f | **%.2f×** | %s | %s | %s | %s |\n", base, qx, qy, qx/qy,
			cell(x, "allocs/query", "%.1f"), cell(y, "allocs/query", "%.1f"),
			cell(x, "B/op", "perquery"), cell(y, "B/op", "perquery"))
	}
}

func joinTitles() string {
	var ts []string
	for _, c := range columns {
		ts = append(ts, c.title)
	}
	return strings.Join(ts, " | ")
}

// cell formats the median of unit. "µs" and "ms" scale nanoseconds;
// "perquery" divides a per-op figure by the queries per op, which is
// ns/op over ns/query.
func cell(s samples, unit, format string) string {
	v, ok := s.median(unit)
	if !ok {
		return "–"
	}
	switch format {
	case "µs":
		return fmt.Sprintf("%.2f", v/1e3)
	case "ms":
		return fmt.Sprintf("%.3f", v/1e6)
	case "perquery":
		op, ok1 := s.median("ns/op")
		q, ok2 := s.median("ns/query")
		if !ok1 || !ok2 || q == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f", v/(op/q))
	}
	return fmt.Sprintf(format, v)
}
