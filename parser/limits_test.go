package parser

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The sizes of the inputs of the limits tests. Every shape of input must
// cost about ten times as much at ten times the size.
const (
	fiveMB     = 5 << 20
	halfMB     = 512 << 10
	smallSize  = 64 << 10
	maxScaling = 20 // 10× the input may cost at most this many times as much
)

// repeatTo returns head, then unit repeated (with "#" replaced by the
// repetition's number) until the text reaches about size bytes, then
// tail.
func repeatTo(size int, head, unit, sep, tail string) string {
	var b strings.Builder
	b.Grow(size + len(tail) + 64)
	b.WriteString(head)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(unit, "#", strconv.Itoa(i)))
	}
	b.WriteString(tail)
	return b.String()
}

// cost is what one parse took: work and memory, both exact, so that the
// limits tests hold on a busy machine. Times live in BenchmarkLimits.
type cost struct {
	steps  int    // tokens read and looked at by scans and skips
	bytes  uint64 // allocated
	allocs uint64
	first  string // the first diagnostic
}

// measure parses src and returns what it cost.
func measure(src []byte) cost {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ds, steps := parseFile("big.czql", src)
	runtime.ReadMemStats(&after)
	c := cost{steps: steps, bytes: after.TotalAlloc - before.TotalAlloc, allocs: after.Mallocs - before.Mallocs}
	if len(ds) > 0 {
		c.first = formatDiag(ds[0])
	}
	return c
}

// shape is a kind of large input, made at any size.
type shape struct {
	name      string
	make      func(size int) string
	wantFirst string // the start of the first diagnostic, "" for none
	anyDiag   bool   // the input is garbage: any diagnostics will do
	large     bool   // TestLimitsLarge parses it at 5 MB
}

var shapes = []shape{
	{name: "select list", make: func(n int) string { return repeatTo(n, "SELECT ", "f#", ", ", " FROM T") }, large: true},
	{name: "and chain", make: func(n int) string { return repeatTo(n, "SELECT a FROM T WHERE ", "a# = #", " AND ", "") }, large: true},
	{name: "or of ands", make: func(n int) string {
		return repeatTo(n, "SELECT a FROM T WHERE ", "(a# = # AND b <> 'x')", " OR ", "")
	}},
	{name: "in list", make: func(n int) string { return repeatTo(n, "SELECT a FROM T WHERE a IN (", "#", ", ", ")") }},
	{name: "order by", make: func(n int) string { return repeatTo(n, "SELECT a FROM T ORDER BY ", "f# DESC", ", ", " LIMIT 5") }},
	{name: "string", make: func(n int) string { return "SELECT a FROM T WHERE a = '" + strings.Repeat("x", n) + "'" }},
	{name: "statements", make: func(n int) string { return repeatTo(n, "", "SELECT a# FROM T WHERE b = #", ";\n", "") }},
	{name: "semicolons", make: func(n int) string { return strings.Repeat(";", n) }, wantFirst: "1:1-1:1 warning no-statements"},
	{name: "and chain with error", make: func(n int) string {
		return repeatTo(n, "SELECT a FROM T WHERE ", "a# = #", " AND ", " AND")
	}, wantFirst: "error syntax: missing condition after AND"},
	{name: "list with errors", make: func(n int) string { return repeatTo(n, "SELECT ", "f#,", ", ", " FROM T") },
		wantFirst: "1:10-1:11 error syntax: missing field after ','", large: true},
	{name: "random bytes", make: randomBytes, anyDiag: true, large: true},
	{name: "random tokens", make: randomTokens, anyDiag: true, large: true},
}

// randomBytes returns n random bytes.
func randomBytes(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return string(b)
}

// randomTokens returns about n bytes of random CZQL tokens.
func randomTokens(n int) string {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "(", ")", ",", ".", "a", "'s'", "1",
		"=", "IN", "LIKE", "IS", "NULL", "GROUP", "BY", "ORDER", "LIMIT", ";", "COUNT", "@x", ":p"}
	var sb strings.Builder
	for sb.Len() < n {
		sb.WriteString(words[r.UintN(uint(len(words)))])
		sb.WriteByte(' ')
	}
	return sb.String()
}

// TestLimitsScaling parses every shape at 64 KB and at 640 KB: ten times
// the input must cost less than maxScaling times as much, in the parser's
// steps and in bytes and allocations. Work and memory grow linearly with
// the input.
func TestLimitsScaling(t *testing.T) {
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			checkShape(t, s, s.make(smallSize), s.make(10*smallSize))
		})
	}
}

// TestLimitsLarge does the same from 512 KB to 5 MB for the shapes marked
// large: a 5 MB statement and 5 MB of garbage. (BenchmarkLimits times
// them: each takes well under a second.)
func TestLimitsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB inputs")
	}
	for _, s := range shapes {
		if !s.large {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			checkShape(t, s, s.make(halfMB), s.make(fiveMB))
		})
	}
}

// checkShape parses small and large, ten times its size, and checks the
// diagnostics of large and how the cost grows.
func checkShape(t *testing.T, s shape, small, large string) {
	t.Helper()
	cs, cl := measure([]byte(small)), measure([]byte(large))
	switch {
	case s.anyDiag && cl.first == "":
		t.Errorf("no diagnostic for garbage")
	case !s.anyDiag && !strings.Contains(cl.first, s.wantFirst), !s.anyDiag && (s.wantFirst == "") != (cl.first == ""):
		t.Errorf("first diagnostic %q, want %q", cl.first, s.wantFirst)
	}
	for _, m := range []struct {
		what         string
		small, large uint64
	}{
		{"steps", uint64(cs.steps), uint64(cl.steps)},
		{"bytes allocated", cs.bytes, cl.bytes},
		{"allocations", cs.allocs, cl.allocs},
	} {
		if m.large >= maxScaling*max(m.small, 1) {
			t.Errorf("10× the input cost %.1f× the %s (%d vs %d), want under %d×",
				float64(m.large)/float64(max(m.small, 1)), m.what, m.large, m.small, maxScaling)
		}
	}
}

// TestLimitsNesting checks that 10,000 nested parentheses or NOTs are
// rejected at the first level past MaxNesting, with no deep recursion and
// in linear work, and that MaxNesting levels parse.
func TestLimitsNesting(t *testing.T) {
	deep := strings.Repeat("(", 10000) + "a = 1" + strings.Repeat(")", 10000)
	for _, tc := range []struct{ src, want string }{
		{"SELECT a FROM T WHERE " + deep, "1:123-1:124 error nesting-too-deep: "},
		{"SELECT a FROM T WHERE " + strings.Repeat("NOT ", 10000) + "a = 1", "1:423-1:426 error nesting-too-deep: "},
		{"SELECT a FROM T WHERE a IN (" + strings.Repeat("SELECT a FROM T WHERE a IN (", 10000) + "1" + strings.Repeat(")", 10001),
			"1:2828-1:2829 error nesting-too-deep: "},
		{"SELECT a FROM T WHERE " + strings.Repeat("(", MaxNesting) + "a = 1" + strings.Repeat(")", MaxNesting), ""},
	} {
		c := measure([]byte(tc.src))
		if !strings.HasPrefix(c.first, tc.want) || (tc.want == "") != (c.first == "") {
			t.Errorf("%.40q…: first diagnostic %q, want prefix %q", tc.src, c.first, tc.want)
		}
		if c.steps > 4*len(tc.src) || c.bytes > 64*uint64(len(tc.src))+1<<20 {
			t.Errorf("%.40q…: %d steps and %d bytes for %d bytes of input", tc.src, c.steps, c.bytes, len(tc.src))
		}
	}
}

// BenchmarkLimits measures the large inputs of the limits tests.
func BenchmarkLimits(b *testing.B) {
	inputs := []struct{ name, src string }{
		{"nesting-10000", "SELECT Name FROM Task WHERE " + strings.Repeat("(", 10000) + "a = 1" + strings.Repeat(")", 10000)},
		{"and-chain-5MB", shapes[1].make(fiveMB)},
		{"select-list-5MB", shapes[0].make(fiveMB)},
		{"random-5MB", randomBytes(fiveMB)},
	}
	for _, in := range inputs {
		src := []byte(in.src)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				ParseFile("big.czql", src)
			}
		})
	}
}
