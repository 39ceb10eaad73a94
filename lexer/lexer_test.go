package lexer

import (
	"fmt"
	"strings"
	"testing"
)

// tok is an expected token: its kind, its exact text and its "line:col".
type tok struct {
	kind Kind
	text string
	pos  string
}

// tokenTests lists sources and every token they scan to, EOF excluded, in
// the manner of go/scanner's tests. Columns count bytes.
var tokenTests = []struct {
	name string
	src  string
	want []tok
}{
	{"keywords any case", "select Name FROM t wHeRe a AnD b or not c", []tok{
		{Reserved, "select", "1:1"}, {Ident, "Name", "1:8"}, {Reserved, "FROM", "1:13"},
		{Ident, "t", "1:18"}, {Reserved, "wHeRe", "1:20"}, {Ident, "a", "1:26"},
		{Reserved, "AnD", "1:28"}, {Ident, "b", "1:32"}, {Reserved, "or", "1:34"},
		{Reserved, "not", "1:37"}, {Ident, "c", "1:41"},
	}},
	{"soft keywords", "group By order ASC desc Limit OFFSET as in Like is Null true FALSE count sum avg min max between having", []tok{
		{Keyword, "group", "1:1"}, {Keyword, "By", "1:7"}, {Keyword, "order", "1:10"},
		{Keyword, "ASC", "1:16"}, {Keyword, "desc", "1:20"}, {Keyword, "Limit", "1:25"},
		{Keyword, "OFFSET", "1:31"}, {Keyword, "as", "1:38"}, {Keyword, "in", "1:41"},
		{Keyword, "Like", "1:44"}, {Keyword, "is", "1:49"}, {Keyword, "Null", "1:52"},
		{Keyword, "true", "1:57"}, {Keyword, "FALSE", "1:62"}, {Keyword, "count", "1:68"},
		{Keyword, "sum", "1:74"}, {Keyword, "avg", "1:78"}, {Keyword, "min", "1:82"},
		{Keyword, "max", "1:86"}, {Keyword, "between", "1:90"}, {Keyword, "having", "1:98"},
	}},
	{"identifiers", "C_Field _x SYSID Selected Name2 ſelect", []tok{
		{Ident, "C_Field", "1:1"}, {Ident, "_x", "1:9"}, {Ident, "SYSID", "1:12"},
		{Ident, "Selected", "1:18"}, {Ident, "Name2", "1:27"}, {Ident, "ſelect", "1:33"},
	}},
	{"multi-byte identifiers", "Zuständigkeit, Größe", []tok{
		{Ident, "Zuständigkeit", "1:1"}, {Punct, ",", "1:15"}, {Ident, "Größe", "1:17"},
	}},
	{"combining mark", "Zusta\u0308ndig x", []tok{{Ident, "Zusta\u0308ndig", "1:1"}, {Ident, "x", "1:13"}}},
	{"at names", "@Name @From @select @_x", []tok{
		{AtIdent, "@Name", "1:1"}, {AtIdent, "@From", "1:7"}, {AtIdent, "@select", "1:13"},
		{AtIdent, "@_x", "1:21"},
	}},
	{"dotted path", "Manager.Account.@Version, RelatedLink.WorkItem.Project.SYSID", []tok{
		{Ident, "Manager", "1:1"}, {Punct, ".", "1:8"}, {Ident, "Account", "1:9"},
		{Punct, ".", "1:16"}, {AtIdent, "@Version", "1:17"}, {Punct, ",", "1:25"},
		{Ident, "RelatedLink", "1:27"}, {Punct, ".", "1:38"}, {Ident, "WorkItem", "1:39"},
		{Punct, ".", "1:47"}, {Ident, "Project", "1:48"}, {Punct, ".", "1:55"},
		{Ident, "SYSID", "1:56"},
	}},
	{"punctuation", "(a,b);", []tok{
		{Punct, "(", "1:1"}, {Ident, "a", "1:2"}, {Punct, ",", "1:3"}, {Ident, "b", "1:4"},
		{Punct, ")", "1:5"}, {Punct, ";", "1:6"},
	}},
	{"strings", `'Active' "Draft" '' "" '/State/On Hold'`, []tok{
		{String, "'Active'", "1:1"}, {String, `"Draft"`, "1:10"}, {String, "''", "1:18"},
		{String, `""`, "1:21"}, {String, "'/State/On Hold'", "1:24"},
	}},
	{"string escapes", `'it''s' "say ""hi""" 'a\'b' "a\"b" 'a\\' 'C:\temp' "it's" 'say "x"'`, []tok{
		{String, `'it''s'`, "1:1"}, {String, `"say ""hi"""`, "1:9"}, {String, `'a\'b'`, "1:22"},
		{String, `"a\"b"`, "1:29"}, {String, `'a\\'`, "1:36"}, {String, `'C:\temp'`, "1:42"},
		{String, `"it's"`, "1:52"}, {String, `'say "x"'`, "1:59"},
	}},
	{"multi-byte in strings", "'€ü' = x", []tok{
		{String, "'€ü'", "1:1"}, {Operator, "=", "1:9"}, {Ident, "x", "1:11"},
	}},
	{"numbers", "12 4.50 -3 -0.5 0 007", []tok{
		{Number, "12", "1:1"}, {Number, "4.50", "1:4"}, {Number, "-3", "1:9"},
		{Number, "-0.5", "1:12"}, {Number, "0", "1:17"}, {Number, "007", "1:19"},
	}},
	{"negative number after operator", "a>-3", []tok{
		{Ident, "a", "1:1"}, {Operator, ">", "1:2"}, {Number, "-3", "1:3"},
	}},
	{"dates", "2024-01-31 2014-01-01)", []tok{
		{Date, "2024-01-31", "1:1"}, {Date, "2014-01-01", "1:12"}, {Punct, ")", "1:22"},
	}},
	{"date-times", "2024-01-31T17:00 2024-01-31T17:00:05 2024-01-31T17:00:05.1234567 2024-01-01T00:00:00Z 2024-01-01T00:00+02:00 2024-01-01T00:00:00.5-05:30", []tok{
		{Date, "2024-01-31T17:00", "1:1"}, {Date, "2024-01-31T17:00:05", "1:18"},
		{Date, "2024-01-31T17:00:05.1234567", "1:38"}, {Date, "2024-01-01T00:00:00Z", "1:66"},
		{Date, "2024-01-01T00:00+02:00", "1:87"}, {Date, "2024-01-01T00:00:00.5-05:30", "1:110"},
	}},
	{"date values not checked", "2024-13-45", []tok{{Date, "2024-13-45", "1:1"}}},
	{"date before comment", "2024-01-31--x", []tok{{Date, "2024-01-31", "1:1"}, {Comment, "--x", "1:11"}}},
	{"params", ":startDateParam :p1 :_x", []tok{
		{Param, ":startDateParam", "1:1"}, {Param, ":p1", "1:17"}, {Param, ":_x", "1:21"},
	}},
	{"operators", "= <> != < > <= >= a<=b", []tok{
		{Operator, "=", "1:1"}, {Operator, "<>", "1:3"}, {Operator, "!=", "1:6"},
		{Operator, "<", "1:9"}, {Operator, ">", "1:11"}, {Operator, "<=", "1:13"},
		{Operator, ">=", "1:16"}, {Ident, "a", "1:19"}, {Operator, "<=", "1:20"},
		{Ident, "b", "1:22"},
	}},
	{"operators unspaced", "a<>'x'", []tok{{Ident, "a", "1:1"}, {Operator, "<>", "1:2"}, {String, "'x'", "1:4"}}},
	{"line comments", "a -- first\n-- second\nb--third", []tok{
		{Ident, "a", "1:1"}, {Comment, "-- first", "1:3"}, {Comment, "-- second", "2:1"},
		{Ident, "b", "3:1"}, {Comment, "--third", "3:2"},
	}},
	{"block comments", "a /* one\ntwo */ b /**/c/* * / */", []tok{
		{Ident, "a", "1:1"}, {Comment, "/* one\ntwo */", "1:3"}, {Ident, "b", "2:8"},
		{Comment, "/**/", "2:10"}, {Ident, "c", "2:14"}, {Comment, "/* * / */", "2:15"},
	}},
	{"block comments do not nest", "/* /* */ x", []tok{{Comment, "/* /* */", "1:1"}, {Ident, "x", "1:10"}}},
	{"CRLF", "SELECT a\r\nFROM t -- c\r\nWHERE b = 1\r\n", []tok{
		{Reserved, "SELECT", "1:1"}, {Ident, "a", "1:8"}, {Reserved, "FROM", "2:1"},
		{Ident, "t", "2:6"}, {Comment, "-- c", "2:8"}, {Reserved, "WHERE", "3:1"},
		{Ident, "b", "3:7"}, {Operator, "=", "3:9"}, {Number, "1", "3:11"},
	}},
	{"tabs and form feeds", "\tSELECT\ta\f,\t\tb", []tok{
		{Reserved, "SELECT", "1:2"}, {Ident, "a", "1:9"}, {Punct, ",", "1:11"}, {Ident, "b", "1:14"},
	}},
	{"byte columns after multi-byte", "'Ünïcødé' = é", []tok{
		{String, "'Ünïcødé'", "1:1"}, {Operator, "=", "1:15"}, {Ident, "é", "1:17"},
	}},
	{"byte order mark", "\uFEFFSELECT", []tok{{Reserved, "SELECT", "1:4"}}},
	{"empty", "", nil},
	{"only space", " \n\t", nil},
}

func TestTokens(t *testing.T) {
	for _, tt := range tokenTests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanAll(t, tt.src)
			if len(got) != len(tt.want) {
				t.Fatalf("%q: got %d tokens %v, want %d", tt.src, len(got), got, len(tt.want))
			}
			for i, g := range got {
				if g != tt.want[i] {
					t.Errorf("%q: token %d = %v, want %v", tt.src, i, g, tt.want[i])
				}
			}
		})
	}
}

// TestTokensHaveNoDiagnostics checks that the valid inputs of tokenTests
// (all but the escapes, which get an info) are reported clean.
func TestTokensHaveNoDiagnostics(t *testing.T) {
	for _, tt := range tokenTests {
		if tt.name == "string escapes" {
			continue
		}
		if ds := Scan(tt.src).Diags; len(ds) > 0 {
			t.Errorf("%s: %q: unexpected diagnostics %v", tt.name, tt.src, ds)
		}
	}
}

// scanAll scans src and returns its tokens up to EOF, checking that each
// Value is the source text at its offset and that EOF sits at the end.
func scanAll(t *testing.T, src string) []tok {
	t.Helper()
	s := NewScanner(src)
	var out []tok
	for {
		k := s.Next()
		if got := src[k.Start : k.Start+len(k.Value)]; got != k.Value {
			t.Fatalf("token %q at offset %d covers %q", k.Value, k.Start, got)
		}
		if k.Kind == EOF {
			if k.Start != len(src) || k.Value != "" {
				t.Fatalf("EOF at %d with %q, want %d", k.Start, k.Value, len(src))
			}
			if again := s.Next(); again != k {
				t.Fatalf("second EOF %#v differs from %#v", again, k)
			}
			return out
		}
		out = append(out, tok{k.Kind, k.Value, s.Pos(k.Start).String()})
	}
}

func (k tok) String() string { return fmt.Sprintf("%s %q %s", KindName(k.kind), k.text, k.pos) }

func TestScanResult(t *testing.T) {
	src := "SELECT a -- c1\n, * /* c2 */ FROM t"
	r := Scan(src)
	var kinds []string
	for _, k := range r.Tokens {
		kinds = append(kinds, KindName(k.Kind)+":"+k.Value)
	}
	if got, want := strings.Join(kinds, " "), "Reserved:SELECT Ident:a Punct:, Reserved:FROM Ident:t EOF:"; got != want {
		t.Errorf("tokens = %s, want %s", got, want)
	}
	if len(r.Comments) != 2 || r.Comments[0].Value != "-- c1" || r.Comments[1].Value != "/* c2 */" {
		t.Errorf("comments = %v", r.Comments)
	}
	if len(r.Diags) != 1 || r.Diags[0].Code != CodeInvalidChar || r.Diags[0].Range.String() != "2:3-2:4" {
		t.Errorf("diags = %v", r.Diags)
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"  abc", "1:3-1:6"},
		{"\n /* a\nbc */", "2:2-3:6"},
		{"/*\n*/", "1:1-2:3"},
		{"'é'", "1:1-1:5"},
		{"", "1:1-1:1"},
	}
	for _, tt := range tests {
		s := NewScanner(tt.src)
		k := s.Next()
		if got := s.Range(k).String(); got != tt.want {
			t.Errorf("Range(%q) = %s, want %s", k.Value, got, tt.want)
		}
	}
}

func TestUnquote(t *testing.T) {
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{`'Active'`, "Active", true},
		{`"Draft"`, "Draft", true},
		{`''`, "", true},
		{`'it''s'`, "it's", true},
		{`"say ""hi"""`, `say "hi"`, true},
		{`'a\'b'`, "a'b", true},
		{`"a\"b"`, `a"b`, true},
		{`'a\"b'`, `a"b`, true},
		{`'a\\'`, `a\`, true},
		{`'C:\temp'`, `C:\temp`, true},
		{`'x\'`, `x'`, false},
		{`"it's"`, "it's", true},
		{`'€ü'`, "€ü", true},
		{`'abc`, "abc", false},
		{`'a''`, "a'", false},
		{`'a'b'`, "a", false},
		{`abc`, "abc", false},
		{``, "", false},
		{`'`, "", false},
	}
	for _, tt := range tests {
		got, ok := Unquote(tt.raw)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Unquote(%s) = %q, %v; want %q, %v", tt.raw, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUnquoteDoesNotAllocateWithoutEscapes(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Unquote(`'/Project/5r4db1jbd0biqmx59gobn5o6s681'`) }); n != 0 {
		t.Errorf("Unquote allocated %v times", n)
	}
}

func TestKeywordHelpers(t *testing.T) {
	for _, tt := range []struct {
		name           string
		reserved, kw   bool
		classification Kind
	}{
		{"select", true, true, Reserved},
		{"Not", true, true, Reserved},
		{"group", false, true, Keyword},
		{"HAVING", false, true, Keyword},
		{"Name", false, false, Ident},
		{"ſelect", false, false, Ident},
		{"selects", false, false, Ident},
		{"a", false, false, Ident},
	} {
		if IsReserved(tt.name) != tt.reserved || IsKeyword(tt.name) != tt.kw || classify(tt.name) != tt.classification {
			t.Errorf("%s: IsReserved %v IsKeyword %v classify %s", tt.name,
				IsReserved(tt.name), IsKeyword(tt.name), KindName(classify(tt.name)))
		}
	}
}

func TestIsName(t *testing.T) {
	for s, want := range map[string]bool{
		"Name": true, "C_Field2": true, "_x": true, "Zuständigkeit": true, "SELECT": true,
		"": false, "2x": false, "a.b": false, "a b": false, "@a": false, "a-b": false, "\xff": false, "é\u0301": true,
	} {
		if got := IsName(s); got != want {
			t.Errorf("IsName(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestLineCommentEnds checks that a -- comment ends at LF, CRLF or a lone
// CR, so that a file with old Mac line endings keeps what follows it.
func TestLineCommentEnds(t *testing.T) {
	for _, src := range []string{
		"a -- c\nb", "a -- c\r\nb", "a -- c\rb",
	} {
		r := Scan(src)
		if len(r.Comments) != 1 || r.Comments[0].Value != "-- c" {
			t.Errorf("%q: comments %v, want [-- c]", src, r.Comments)
		}
		if len(r.Tokens) != 3 || r.Tokens[1].Value != "b" {
			t.Errorf("%q: tokens %v, want a, b, EOF", src, r.Tokens)
		}
	}
}
