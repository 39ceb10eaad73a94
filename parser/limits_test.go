package parser

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/czql/czql/ast"
)

// fiveMB is the size of the large inputs: a statement this big must be
// parsed or rejected promptly, without exhausting the stack or memory.
const fiveMB = 5 << 20

// repeatTo returns head, then unit repeated until the text reaches about
// fiveMB bytes, then tail.
func repeatTo(head, unit, sep, tail string) string {
	var b strings.Builder
	b.Grow(fiveMB + len(tail) + 64)
	b.WriteString(head)
	for i := 0; b.Len() < fiveMB; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strings.ReplaceAll(unit, "#", strconv.Itoa(i)))
	}
	b.WriteString(tail)
	return b.String()
}

// parseTimed parses src as a file and logs how long it took.
func parseTimed(t *testing.T, src string) (*ast.File, string) {
	t.Helper()
	start := time.Now()
	f, ds := ParseFile("big.czql", []byte(src))
	t.Logf("%d bytes parsed in %v, %d diagnostics", len(src), time.Since(start), len(ds))
	first := ""
	if len(ds) > 0 {
		first = formatDiag(ds[0])
	}
	return f, first
}

// TestLimitsNesting checks that 10,000 nested parentheses or NOTs are
// rejected at the first level past MaxNesting, and that MaxNesting levels
// parse.
func TestLimitsNesting(t *testing.T) {
	deep := strings.Repeat("(", 10000) + "a = 1" + strings.Repeat(")", 10000)
	_, first := parseTimed(t, "SELECT a FROM T WHERE "+deep)
	if want := "1:123-1:124 error nesting-too-deep: "; !strings.HasPrefix(first, want) {
		t.Errorf("10,000 parentheses: first diagnostic %q, want prefix %q", first, want)
	}
	_, first = parseTimed(t, "SELECT a FROM T WHERE "+strings.Repeat("NOT ", 10000)+"a = 1")
	if want := "1:423-1:426 error nesting-too-deep: "; !strings.HasPrefix(first, want) {
		t.Errorf("10,000 NOTs: first diagnostic %q, want prefix %q", first, want)
	}
	ok := strings.Repeat("(", MaxNesting) + "a = 1" + strings.Repeat(")", MaxNesting)
	if _, first = parseTimed(t, "SELECT a FROM T WHERE "+ok); first != "" {
		t.Errorf("%d parentheses: %s", MaxNesting, first)
	}
}

// TestLimitsLargeStatements parses statements of about 5 MB: long lists,
// long AND and OR chains, a long string, and the same with an error at
// the very end, which takes the slow path.
func TestLimitsLargeStatements(t *testing.T) {
	for _, tc := range []struct {
		name, src, wantFirst string
	}{
		{"select list", repeatTo("SELECT ", "f#", ", ", " FROM T"), ""},
		{"and chain", repeatTo("SELECT a FROM T WHERE ", "a# = #", " AND ", ""), ""},
		{"or of ands", repeatTo("SELECT a FROM T WHERE ", "(a# = # AND b <> 'x')", " OR ", ""), ""},
		{"in list", repeatTo("SELECT a FROM T WHERE a IN (", "#", ", ", ")"), ""},
		{"order by", repeatTo("SELECT a FROM T ORDER BY ", "f# DESC", ", ", " LIMIT 5"), ""},
		{"string", "SELECT a FROM T WHERE a = '" + strings.Repeat("x", fiveMB) + "'", ""},
		{"and chain with error", repeatTo("SELECT a FROM T WHERE ", "a# = #", " AND ", " AND"), "error syntax: missing condition after AND"},
		{"list with error", repeatTo("SELECT ", "f#", ", ", ", FROM T"), "error syntax: missing field after ','"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, first := parseTimed(t, tc.src)
			if !strings.Contains(first, tc.wantFirst) || (tc.wantFirst == "") != (first == "") {
				t.Errorf("first diagnostic %q, want %q", first, tc.wantFirst)
			}
			if len(f.Queries) != 1 {
				t.Errorf("%d queries, want 1", len(f.Queries))
			}
		})
	}
}

// TestLimitsRandomBytes parses 5 MB of random bytes, and 5 MB of random
// CZQL tokens: the parser must neither panic nor take long.
func TestLimitsRandomBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, fiveMB)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	parseTimed(t, string(b))

	words := []string{"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "(", ")", ",", ".", "a", "'s'", "1",
		"=", "IN", "LIKE", "IS", "NULL", "GROUP", "BY", "ORDER", "LIMIT", ";", "COUNT", "@x", ":p"}
	var sb strings.Builder
	for sb.Len() < fiveMB {
		sb.WriteString(words[r.UintN(uint(len(words)))])
		sb.WriteByte(' ')
	}
	parseTimed(t, sb.String())
}

// BenchmarkLimits measures the inputs of the limits tests, whose target is
// "rejected or parsed within a second": 10,000 nested parentheses, a 5 MB
// AND chain and 5 MB of random bytes.
func BenchmarkLimits(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, fiveMB)
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	inputs := []struct{ name, src string }{
		{"nesting-10000", "SELECT Name FROM Task WHERE " + strings.Repeat("(", 10000) + "a = 1" + strings.Repeat(")", 10000)},
		{"and-chain-5MB", repeatTo("SELECT Name FROM Task WHERE ", "F# = 1", " AND ", "")},
		{"random-5MB", string(random)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			for b.Loop() {
				ParseFile("big.czql", []byte(in.src))
			}
		})
	}
}
