package lexer

import (
	"errors"
	"strings"
	"testing"

	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
)

// FuzzScan checks the lexer's invariants on any input: it never panics
// and ends with EOF; tokens come in increasing offset order, each Value is
// the source text at its position, positions agree with diag.Source, only
// whitespace lies between tokens; diagnostic ranges lie in the source; Scan
// and Definition agree with Next. Seeds live in testdata/fuzz/FuzzScan.
func FuzzScan(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		all := checkTokens(t, src)
		r := Scan("f", src)
		for _, d := range r.Diags {
			checkRange(t, src, d.Range)
			if d.Message == "" || d.Code == "" || d.Severity == diag.Invalid {
				t.Fatalf("%q: incomplete diagnostic %+v", src, d)
			}
		}
		checkResult(t, src, r, all)
		checkDefinition(t, src, r)
	})
}

// checkTokens scans src with Next and checks the per-token invariants. It
// returns every token, EOF included.
func checkTokens(t *testing.T, src string) []plexer.Token {
	ref := diag.NewSource("f", []byte(src))
	s := NewScanner("f", src)
	var all []plexer.Token
	prevEnd := 0
	for n := 0; ; n++ {
		if n > len(src)+1 {
			t.Fatalf("%q: more tokens than bytes", src)
		}
		k := s.Next()
		all = append(all, k)
		off := k.Pos.Offset
		if off < prevEnd || off+len(k.Value) > len(src) || src[off:off+len(k.Value)] != k.Value {
			t.Fatalf("%q: token %#v out of order or not the source text", src, k)
		}
		if k.Type != EOF && k.Value == "" {
			t.Fatalf("%q: empty token %#v", src, k)
		}
		gap := src[prevEnd:off]
		if prevEnd == 0 {
			gap = strings.TrimPrefix(gap, "\uFEFF")
		}
		if gap = strings.TrimLeft(gap, " \t\r\n\f"); gap != "" {
			t.Fatalf("%q: bytes %q between tokens", src, gap)
		}
		if rg := Range(k); ref.Pos(off) != rg.Start || ref.Pos(off+len(k.Value)) != rg.End {
			t.Fatalf("%q: token %#v has range %v, diag.Source says %v", src, k, rg, ref.Range(off, off+len(k.Value)))
		}
		prevEnd = off + len(k.Value)
		if k.Type == EOF {
			if off != len(src) || s.Next() != k {
				t.Fatalf("%q: bad EOF %#v", src, k)
			}
			return all
		}
	}
}

// checkResult checks that Scan's result is Next's tokens split by kind.
func checkResult(t *testing.T, src string, r *Result, all []plexer.Token) {
	var toks, comments []plexer.Token
	for _, k := range all {
		switch k.Type {
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
		if k.Type == String && k.Pos.Offset+len(k.Value) < silent && !hasDiagAt(r.Diags, CodeUnterminatedString, k.Pos.Offset) {
			if _, ok := Unquote(k.Value); !ok {
				t.Fatalf("%q: Unquote(%s) failed on a terminated string", src, k.Value)
			}
		}
	}
}

// checkDefinition checks that participle's lexer fails exactly when Scan
// reports an error, on the first error, and otherwise returns Scan's tokens.
func checkDefinition(t *testing.T, src string, r *Result) {
	lx, _ := Definition.(plexer.StringDefinition).LexString("f", src)
	toks, err := plexer.ConsumeAll(lx)
	if r.Diags.HasErrors() {
		var lexErr *Error
		if !errors.As(err, &lexErr) || lexErr.Diagnostic.Severity != diag.Error {
			t.Fatalf("%q: Definition error %v despite %v", src, err, r.Diags)
		}
		return
	}
	if err != nil || !equalTokens(toks, r.Tokens) {
		t.Fatalf("%q: Definition gave %v, %v", src, toks, err)
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

func equalTokens(a, b []plexer.Token) bool {
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
