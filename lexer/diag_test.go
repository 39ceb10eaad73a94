package lexer

import (
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

// want is an expected diagnostic: its code, range and message.
type want struct {
	code, rng, msg string
}

var diagTests = []struct {
	src   string
	kinds string // the kinds of the scanned tokens, EOF excluded
	want  []want
}{
	{"SELECT * FROM t", "Reserved Invalid Reserved Ident", []want{
		{CodeInvalidChar, "1:8-1:9", "'*' is not supported: CZQL has no SELECT *; list the fields you need"}}},
	{"a # b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:3-1:4", "unexpected character '#'"}}},
	{"a\x01", "Ident Invalid", []want{{CodeInvalidChar, "1:2-1:3", `unexpected character '\x01'`}}},
	{"a\x00\x00b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:2-1:4", "unexpected NUL byte"}}},
	{"x €", "Ident Invalid", []want{{CodeInvalidChar, "1:3-1:6", "unexpected character '€'"}}},
	{"a\u00a0b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:2-1:4", `unexpected character '\u00a0'`}}},
	{"a \xff\xfe b", "Ident Invalid Ident", []want{{CodeInvalidUTF8, "1:3-1:5", "invalid UTF-8 encoding"}}},
	{"Na\xffme", "Ident Invalid Ident", []want{{CodeInvalidUTF8, "1:3-1:4", "invalid UTF-8 encoding"}}},
	{"a / b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:3-1:4", "unexpected character '/'"}}},
	{"@ x", "Invalid Ident", []want{{CodeInvalidChar, "1:1-1:2", "'@' must be followed by a name"}}},
	{"@1", "Invalid Number", []want{{CodeInvalidChar, "1:1-1:2", "'@' must be followed by a name"}}},
	{"a = :", "Ident Operator Invalid", []want{{CodeInvalidChar, "1:5-1:6", "':' must be followed by a parameter name"}}},
	{"a ! b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:3-1:4", "unexpected character '!': write <> for not equal, NOT to negate"}}},
	{"a - b", "Ident Invalid Ident", []want{{CodeInvalidChar, "1:3-1:4", "unexpected character '-': a negative number is written -12"}}},
	{"x = -.5", "Ident Operator Invalid Number", []want{
		{CodeInvalidChar, "1:5-1:6", "unexpected character '-': a negative number is written -12"},
		{CodeInvalidNumber, "1:6-1:8", "missing digit before '.': write 0.5"}}},
	{"12abc", "Number", []want{{CodeInvalidNumber, "1:1-1:6", "number followed by letters"}}},
	{"1e5", "Number", []want{{CodeInvalidNumber, "1:1-1:4", "number followed by letters"}}},
	{"-3x", "Number", []want{{CodeInvalidNumber, "1:1-1:4", "number followed by letters"}}},
	{"1.", "Number", []want{{CodeInvalidNumber, "1:1-1:3", "missing digits after '.'"}}},
	{"a = 1.)", "Ident Operator Number Punct", []want{{CodeInvalidNumber, "1:5-1:7", "missing digits after '.'"}}},
	{".5", "Number", []want{{CodeInvalidNumber, "1:1-1:3", "missing digit before '.': write 0.5"}}},
	{"2024-1-1", "Date", []want{{CodeInvalidDate, "1:1-1:9", "date must be written YYYY-MM-DD"}}},
	{"24-01-01", "Date", []want{{CodeInvalidDate, "1:1-1:9", "date must be written YYYY-MM-DD"}}},
	{"2024-01", "Date", []want{{CodeInvalidDate, "1:1-1:8", "date must be written YYYY-MM-DD"}}},
	{"2024-01-01x", "Date", []want{{CodeInvalidDate, "1:1-1:12", "date must be written YYYY-MM-DD"}}},
	{"d>2024-01-31T5:00)", "Ident Operator Date Punct", []want{{CodeInvalidDate, "1:3-1:18",
		"date-time must be written YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]"}}},
	{"2024-01-31T17:00:00+0200", "Date", []want{{CodeInvalidDate, "1:1-1:25",
		"date-time must be written YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]"}}},
	{"2024-01-31t17:00", "Date", []want{{CodeInvalidDate, "1:1-1:17", "date must be written YYYY-MM-DD"}}},
	{"a = 'abc\nb", "Ident Operator String Ident", []want{{CodeUnterminatedString, "1:5-1:9", "string not terminated: missing closing quote"}}},
	{"a = \"abc\r\nb", "Ident Operator String Ident", []want{{CodeUnterminatedString, "1:5-1:9", "string not terminated: missing closing quote"}}},
	{"x\n  'abc", "Ident String", []want{{CodeUnterminatedString, "2:3-2:7", "string not terminated: missing closing quote"}}},
	{`'abc\'`, "String", []want{
		{CodeUnterminatedString, "1:1-1:7", "string not terminated: missing closing quote"},
		{CodeStringEscape, "1:5-1:7", msgEscape}}},
	{"'a\x00b'", "String", []want{{CodeInvalidChar, "1:3-1:4", "unexpected NUL byte in string"}}},
	{"'a\xffb'", "String", []want{{CodeInvalidUTF8, "1:3-1:4", "invalid UTF-8 encoding in string"}}},
	{"x = 'it''s'", "Ident Operator String", []want{{CodeStringEscape, "1:8-1:10", msgEscape}}},
	{`"é\"x\"" 'é\\' 'C:\temp'`, "String String String", []want{
		{CodeStringEscape, "1:4-1:6", msgEscape}, {CodeStringEscape, "1:14-1:16", msgEscape}}},
	{"a /* b\nc", "Ident Comment", []want{{CodeUnterminatedComment, "1:3-1:5", "comment not terminated: missing */"}}},
	{"a\n*/", "Ident Invalid Invalid", []want{
		{CodeInvalidChar, "2:1-2:2", msgStar}, {CodeInvalidChar, "2:2-2:3", "unexpected character '/'"}}},
}

func TestDiagnostics(t *testing.T) {
	for _, tt := range diagTests {
		s := NewScanner(tt.src)
		kinds := ""
		for k := s.Next(); k.Kind != EOF; k = s.Next() {
			if kinds != "" {
				kinds += " "
			}
			kinds += KindName(k.Kind)
		}
		if kinds != tt.kinds {
			t.Errorf("%q: kinds %s, want %s", tt.src, kinds, tt.kinds)
		}
		ds := s.Diagnostics()
		if len(ds) != len(tt.want) {
			t.Errorf("%q: got %d diagnostics %v, want %d", tt.src, len(ds), ds, len(tt.want))
			continue
		}
		for i, d := range ds {
			w := tt.want[i]
			sev := diag.Error
			if w.code == CodeStringEscape {
				sev = diag.Info
			}
			if d.Code != w.code || d.Range.String() != w.rng || d.Message != w.msg || d.Severity != sev {
				t.Errorf("%q: diagnostic %d = %s %s %s %q, want %s %s %s %q", tt.src, i,
					d.Severity, d.Code, d.Range, d.Message, sev, w.code, w.rng, w.msg)
			}
			checkRange(t, tt.src, d.Range)
		}
	}
}

// checkRange checks that r lies in src and agrees with diag.Source.
func checkRange(t *testing.T, src string, r diag.Range) {
	t.Helper()
	if r.Start.Offset < 0 || r.End.Offset > len(src) || r.Start.Offset > r.End.Offset {
		t.Fatalf("%q: range %v (%d..%d) out of bounds", src, r, r.Start.Offset, r.End.Offset)
	}
	ref := diag.NewSource("", []byte(src))
	if ref.Pos(r.Start.Offset) != r.Start || ref.Pos(r.End.Offset) != r.End {
		t.Fatalf("%q: range %+v, diag.Source says %+v", src, r, ref.Range(r.Start.Offset, r.End.Offset))
	}
}

func TestScanSortsDiagnostics(t *testing.T) {
	r := Scan("'a\x00\n*")
	if len(r.Diags) != 3 {
		t.Fatalf("diags = %v", r.Diags)
	}
	for i, code := range []string{CodeUnterminatedString, CodeInvalidChar, CodeInvalidChar} {
		if r.Diags[i].Code != code {
			t.Errorf("diag %d = %v, want code %s", i, r.Diags[i], code)
		}
	}
}

func TestDiagnosticBudget(t *testing.T) {
	src := strings.Repeat("* ", 5*MaxDiagnostics)
	res := Scan(src)
	if got := len(res.Diags); got != MaxDiagnostics+1 {
		t.Fatalf("got %d diagnostics, want %d", got, MaxDiagnostics+1)
	}
	last := res.Diags[len(res.Diags)-1]
	if last.Code != CodeTooManyErrors || last.Range.Start.Offset != 2*MaxDiagnostics {
		t.Fatalf("last diagnostic = %v at %d", last, last.Range.Start.Offset)
	}
}
