package api

import (
	"encoding/json"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// maxScaling bounds the cost of ten times the input: decoding must be
// linear in the size and the depth of the document.
const maxScaling = 20

// deepNot returns n conditions, each the not of the next, around a text
// condition: n JSON levels.
func deepNot(n int) string {
	return strings.Repeat(`{"not":`, n-1) + `{"text":"a = 1"}` + strings.Repeat("}", n-1)
}

// deepAnd returns n nested ands of two operands: 2n JSON levels.
func deepAnd(n int) string {
	return strings.Repeat(`{"and":[{"text":"b"},`, n) + `{"text":"a"}` + strings.Repeat("]}", n)
}

// deepQuery returns n compare conditions, each with an IN sub-query whose
// where is the next: 4n JSON levels.
func deepQuery(n int) string {
	unit := `{"leftExpression":{"fieldName":"A"},"operator":"In","rightExpression":{"query":{"typeName":"T","fields":["A"],"where":`
	return strings.Repeat(unit, n) + `{"text":"a"}` + strings.Repeat("}}}", n)
}

// wideOr returns an or of n compare conditions.
func wideOr(n int) string {
	var b strings.Builder
	b.WriteString(`{"or":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"leftExpression":{"fieldName":"F` + strconv.Itoa(i) + `"},"operator":"Equal","rightExpression":{"value":` + strconv.Itoa(i) + `}}`)
	}
	b.WriteString("]}")
	return b.String()
}

// longIn returns an IN condition with a list of n values.
func longIn(n int) string {
	vals := make([]string, n)
	for i := range vals {
		vals[i] = strconv.Itoa(i) + ".50"
	}
	return `{"leftExpression":{"fieldName":"A"},"operator":"In","rightExpression":{"values":[` + strings.Join(vals, ",") + `]}}`
}

// decodeCost decodes doc into a Condition with json.Unmarshal and returns
// the bytes and allocations it took.
func decodeCost(t *testing.T, doc string) (bytes, allocs uint64) {
	t.Helper()
	data := []byte(doc)
	var c Condition
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err := json.Unmarshal(data, &c)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// TestDecodeScaling decodes each shape of document at n and 10n: ten
// times the input must cost less than maxScaling times as many bytes and
// allocations. The former decoder, which decoded the rest of the document
// again at each level, took about 100 times the bytes for 10 times the
// depth.
func TestDecodeScaling(t *testing.T) {
	shapes := []struct {
		name string
		make func(int) string
		n    int
	}{
		{"nested not", deepNot, 900},
		{"nested and", deepAnd, 450},
		{"nested sub-queries", deepQuery, 200},
		{"wide or", wideOr, 1000},
		{"long IN list", longIn, 2000},
	}
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			small, large := s.make(s.n), s.make(10*s.n)
			decodeCost(t, small) // warm up encoding/json's caches
			sb, sa := decodeCost(t, small)
			lb, la := decodeCost(t, large)
			t.Logf("%d → %d bytes: %d → %d bytes allocated (%.1f×), %d → %d allocations (%.1f×)",
				len(small), len(large), sb, lb, float64(lb)/float64(sb), sa, la, float64(la)/float64(sa))
			if lb >= maxScaling*sb {
				t.Errorf("10× the input allocated %.1f× the bytes", float64(lb)/float64(sb))
			}
			if la >= maxScaling*sa {
				t.Errorf("10× the input took %.1f× the allocations", float64(la)/float64(sa))
			}
		})
	}
}

// TestDecodeDepthLimit checks that MaxDepth levels decode and one more is
// refused with encoding/json's error, whichever way the decoder is called.
func TestDecodeDepthLimit(t *testing.T) {
	var c Condition
	if err := json.Unmarshal([]byte(deepNot(MaxDepth)), &c); err != nil {
		t.Fatalf("%d levels: %v", MaxDepth, err)
	}
	n := 0
	for d := &c; d.Kind == NotCondition; d = d.Negated {
		n++
	}
	if n != MaxDepth-1 {
		t.Errorf("%d levels decoded %d nots; want %d", MaxDepth, n, MaxDepth-1)
	}
	deeper := []byte(deepNot(MaxDepth + 1))
	for how, err := range map[string]error{
		"json.Unmarshal":          json.Unmarshal(deeper, &c),
		"Condition.UnmarshalJSON": c.UnmarshalJSON(deeper),
		"Expression.UnmarshalJSON": func() error {
			var e Expression
			return e.UnmarshalJSON(deeper)
		}(),
	} {
		if err == nil || err.Error() != "invalid character '{' exceeded max depth" {
			t.Errorf("%s of %d levels: %v; want encoding/json's error, exceeded max depth", how, MaxDepth+1, err)
		}
	}
	// The parser keeps its own limit, should encoding/json's ever be higher.
	p := jparser{data: []byte(`[[1]]`), depth: MaxDepth - 1}
	if _, err := p.value(); err != errTooDeep {
		t.Errorf("parser past MaxDepth: %v; want %v", err, errTooDeep)
	}
}

// BenchmarkDecodeDeep decodes a condition nested 10,000 deep (MaxDepth):
// 9,999 nots around a text condition, about 78 KB.
func BenchmarkDecodeDeep(b *testing.B) {
	data := []byte(deepNot(MaxDepth))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var c Condition
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeWide decodes an or of 10,000 compare conditions.
func BenchmarkDecodeWide(b *testing.B) {
	data := []byte(wideOr(10000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var c Condition
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}
