package parser

import (
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The sizes of the inputs of the limits tests. Every shape of input must
// cost about ten times as much at ten times the size; the largest inputs
// must be parsed or rejected well within maxDuration.
const (
	fiveMB      = 5 << 20
	halfMB      = 512 << 10
	smallSize   = 64 << 10
	maxScaling  = 20 // 10× the input may cost at most this many times as much
	maxDuration = time.Second
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

// cost is what one parse took.
type cost struct {
	time  time.Duration
	bytes uint64 // allocated
	first string // the first diagnostic
}

// measure parses src runs times, after a first parse to warm up when it
// runs more than once, and returns the cheapest run: the least disturbed
// by the rest of the machine.
func measure(src []byte, runs int) cost {
	best := cost{time: time.Hour}
	if runs > 1 {
		ParseFile("big.czql", src)
	}
	for range runs {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, ds := ParseFile("big.czql", src)
		took := time.Since(start)
		runtime.ReadMemStats(&after)
		c := cost{time: took, bytes: after.TotalAlloc - before.TotalAlloc}
		if len(ds) > 0 {
			c.first = formatDiag(ds[0])
		}
		if c.time < best.time {
			best = c
		}
	}
	return best
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
// the input must cost less than maxScaling times as much, in bytes
// allocated (exact) and in time (the cheapest of three runs; a comparison
// that fails is measured once more, so that a busy machine does not fail
// the test). Work grows linearly with the input.
func TestLimitsScaling(t *testing.T) {
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			checkShape(t, s, s.make(smallSize), s.make(10*smallSize), 3)
		})
	}
}

// TestLimitsLarge parses 5 MB statements and 5 MB of garbage: each is
// handled well within a second, and costs less than maxScaling times what
// 512 KB of it costs.
func TestLimitsLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("5 MB inputs")
	}
	for _, s := range shapes {
		if !s.large {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			checkShape(t, s, s.make(halfMB), s.make(fiveMB), 1)
		})
	}
}

// checkShape parses small and large, ten times its size, and checks the
// diagnostics of large and how the cost grows.
func checkShape(t *testing.T, s shape, small, large string, runs int) {
	t.Helper()
	var cs, cl cost
	for try := 0; try < 2; try++ {
		cs, cl = measure([]byte(small), runs), measure([]byte(large), runs)
		if cl.time < maxScaling*cs.time && cl.time < maxDuration {
			break
		}
	}
	switch {
	case s.anyDiag && cl.first == "":
		t.Errorf("no diagnostic for garbage")
	case !s.anyDiag && !strings.Contains(cl.first, s.wantFirst), !s.anyDiag && (s.wantFirst == "") != (cl.first == ""):
		t.Errorf("first diagnostic %q, want %q", cl.first, s.wantFirst)
	}
	if cl.bytes >= maxScaling*cs.bytes {
		t.Errorf("10× the input allocated %.1f× the bytes, want under %d×", float64(cl.bytes)/float64(cs.bytes), maxScaling)
	}
	if raceEnabled {
		return // times under the race detector say nothing
	}
	if cl.time >= maxDuration {
		t.Errorf("%d bytes took %v, want under %v", len(large), cl.time, maxDuration)
	}
	if cl.time >= maxScaling*cs.time {
		t.Errorf("10× the input took %.1f× the time (%v vs %v), want under %d×",
			float64(cl.time)/float64(cs.time), cl.time, cs.time, maxScaling)
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
		c := measure([]byte(tc.src), 1)
		if !strings.HasPrefix(c.first, tc.want) || (tc.want == "") != (c.first == "") {
			t.Errorf("%.40q…: first diagnostic %q, want prefix %q", tc.src, c.first, tc.want)
		}
		if !raceEnabled && c.time >= maxDuration || c.bytes > 64*uint64(len(tc.src))+1<<20 {
			t.Errorf("%.40q…: %v and %d bytes for %d bytes of input", tc.src, c.time, c.bytes, len(tc.src))
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
