package lexer

import (
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

// FuzzScan checks the lexer's invariants on any input: it never panics
// and ends with EOF; tokens come in increasing offset order, each Value is
// the source text at its position, positions agree with diag.Source, only
// whitespace lies between tokens; diagnostic ranges lie in the source; Scan
// agrees with Next. Seeds live in testdata/fuzz/FuzzScan.
func FuzzScan(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		all := checkTokens(t, src)
		r := Scan(src)
		for _, d := range r.Diags {
			checkRange(t, src, d.Range)
			if d.Message == "" || d.Code == "" || d.Severity == diag.Invalid {
				t.Fatalf("%q: incomplete diagnostic %+v", src, d)
			}
		}
		checkResult(t, src, r, all)
	})
}

// checkTokens scans src with Next and checks the per-token invariants. It
// returns every token, EOF included.
func checkTokens(t *testing.T, src string) []Token {
	ref := diag.NewSource("f", []byte(src))
	s := NewScanner(src)
	var all []Token
	prevEnd := 0
	for n := 0; ; n++ {
		if n > len(src)+1 {
			t.Fatalf("%q: more tokens than bytes", src)
		}
		k := s.Next()
		all = append(all, k)
		off := k.Start
		if off < prevEnd || off+len(k.Value) > len(src) || src[off:off+len(k.Value)] != k.Value {
			t.Fatalf("%q: token %#v out of order or not the source text", src, k)
		}
		if k.Kind != EOF && k.Value == "" {
			t.Fatalf("%q: empty token %#v", src, k)
		}
		gap := src[prevEnd:off]
		if prevEnd == 0 {
			gap = strings.TrimPrefix(gap, "\uFEFF")
		}
		if gap = strings.TrimLeft(gap, " \t\r\n\f"); gap != "" {
			t.Fatalf("%q: bytes %q between tokens", src, gap)
		}
		if rg := s.Range(k); ref.Pos(off) != rg.Start || ref.Pos(off+len(k.Value)) != rg.End {
			t.Fatalf("%q: token %#v has range %v, diag.Source says %v", src, k, rg, ref.Range(off, off+len(k.Value)))
		}
		prevEnd = off + len(k.Value)
		if k.Kind == EOF {
			if off != len(src) || s.Next() != k {
				t.Fatalf("%q: bad EOF %#v", src, k)
			}
			return all
		}
	}
}

// checkResult checks that Scan's result is Next's tokens split by kind.
func checkResult(t *testing.T, src string, r *Result, all []Token) {
	var toks, comments []Token
	for _, k := range all {
		switch k.Kind {
		case Comment:
			comments = append(comments, k)
		case Invalid:
		default:
			toks = append(toks, k)
		}
	}
	if !equalTokens(toks, r.Tokens) || !equalTokens(comments, r.Comments) {
		t.Fatalf("%q: Scan differs from Next", src)
	}
	silent := silentFrom(src, r.Diags)
	for _, k := range r.Tokens {
		if k.Kind == String && k.Start+len(k.Value) < silent && !hasDiagAt(r.Diags, CodeUnterminatedString, k.Start) {
			if _, ok := Unquote(k.Value); !ok {
				t.Fatalf("%q: Unquote(%s) failed on a terminated string", src, k.Value)
			}
		}
	}
}

// silentFrom returns the offset from which the scanner stopped reporting
// (see MaxDiagnostics), or len(src)+1 when it reported everything.
func silentFrom(src string, ds diag.List) int {
	for _, d := range ds {
		if d.Code == CodeTooManyErrors {
			return d.Range.Start.Offset
		}
	}
	return len(src) + 1
}

func hasDiagAt(ds diag.List, code string, off int) bool {
	for _, d := range ds {
		if d.Code == code && d.Range.Start.Offset == off {
			return true
		}
	}
	return false
}

func equalTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
