package validate_test

import (
	"runtime"
	"strings"
	"testing"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/validate"
)

// longPathShapes are queries with field paths of n segments (P stands for
// n-1 "DirectManager." segments, p for the same in lower case).
var longPathShapes = []struct{ name, src string }{
	{"select", "SELECT $PName FROM User LIMIT 1"},
	{"selected twice", "SELECT $PName, $PName FROM User LIMIT 1"},
	{"where", "SELECT Name FROM User WHERE $PName = 'x' LIMIT 1"},
	{"unknown last segment", "SELECT Name FROM User WHERE $PNme = 1 LIMIT 1"},
	{"group and order", "SELECT $PName, COUNT(Name) FROM User GROUP BY $PName ORDER BY $PName LIMIT 1"},
	{"past a non-reference", "SELECT $PName.X.Y FROM User LIMIT 1"},
	{"other case", "SELECT $pname FROM user LIMIT 1"},
}

// longPathQuery returns shape src with paths of n segments, parsed.
func longPathQuery(t testing.TB, src string, n int) *ast.Query {
	t.Helper()
	src = strings.ReplaceAll(src, "$P", strings.Repeat("DirectManager.", n-1))
	src = strings.ReplaceAll(src, "$p", strings.Repeat("directmanager.", n-1))
	q, diags := parser.ParseQuery("long.czql", []byte(src))
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags[0].FormatLine(""))
	}
	return q
}

// TestLongPathScaling checks queries whose paths have 2,000 and 20,000
// segments: ten times the segments must cost less than twenty times the
// bytes and allocations. Building canonical paths by repeated
// concatenation made them quadratic (100,000 segments took 49 s).
func TestLongPathScaling(t *testing.T) {
	md := fixture(t)
	for _, s := range longPathShapes {
		t.Run(s.name, func(t *testing.T) {
			cost := func(n int) (uint64, uint64) {
				q := longPathQuery(t, s.src, n)
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				validate.Check(q, md)
				runtime.ReadMemStats(&after)
				return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
			}
			sb, sa := cost(2000)
			lb, la := cost(20000)
			t.Logf("2000 → 20000 segments: %d → %d bytes (%.1f×), %d → %d allocations (%.1f×)",
				sb, lb, float64(lb)/float64(sb), sa, la, float64(la)/float64(sa))
			if lb >= 20*sb {
				t.Errorf("10× the segments allocated %.1f× the bytes", float64(lb)/float64(sb))
			}
			if la >= 20*sa {
				t.Errorf("10× the segments took %.1f× the allocations", float64(la)/float64(sa))
			}
		})
	}
}

func TestCanonPathLong(t *testing.T) {
	q := longPathQuery(t, "SELECT $pname FROM User", 1000)
	info, _ := validate.Check(q, fixture(t))
	ref := q.Select.Items[0].(*ast.FieldRef)
	want := strings.Repeat("DirectManager.", 999) + "Name"
	if got := info.CanonPath(ref); got != want {
		t.Errorf("CanonPath: %d bytes, want %d: %.40q…", len(got), len(want), got)
	}
}

// BenchmarkCheckLongPath checks a query that selects a path of 100,000
// segments twice.
func BenchmarkCheckLongPath(b *testing.B) {
	md := fixture(b)
	q := longPathQuery(b, "SELECT $PName, $PName FROM User LIMIT 1", 100000)
	b.ReportAllocs()
	for b.Loop() {
		validate.Check(q, md)
	}
}
