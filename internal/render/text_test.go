package render

import (
	"testing"
	"unicode/utf8"
)

func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"Name", 4},
		{"漢字", 4},
		{"😀 ok", 5},
		{"e\u0301", 1}, // e + combining acute accent
		{"…", 1},
		{`\n`, 2},
	} {
		if got := DisplayWidth(c.s); got != c.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

func TestCutToWidth(t *testing.T) {
	for _, c := range []struct {
		s     string
		width int
		want  string
	}{
		{"Build schema", 12, "Build schema"}, // fits exactly
		{"Build schema", 20, "Build schema"}, // room to spare
		{"Build schema", 11, "Build sche…"},  // one column short
		{"Build schema", 1, "…"},             // room for the ellipsis only
		{"Build schema", 0, "…"},             // no room: the ellipsis anyway
		{"漢字かな", 8, "漢字かな"},                  // wide runes that fit
		{"漢字かな", 7, "漢字か…"},                  // 6 + 1
		{"漢字かな", 6, "漢字…"},                   // a wide rune does not fit in 1 column: 4 + 1
		{"😀😀😀", 4, "😀…"},                     // emoji are 2 columns
		{"Cafe\u0301s", 5, "Cafe\u0301s"},    // the combining mark takes no column
		{"Cafe\u0301s!", 5, "Cafe\u0301…"},   // the mark stays with its letter
		{"ab\u0301cd", 2, "a…"},              // the mark goes with its letter
		{"👨\u200d👩\u200d👧", 3, "👨…"},         // no dangling zero-width joiner
		{"", 0, ""},
	} {
		got := CutToWidth(c.s, c.width)
		if got != c.want {
			t.Errorf("CutToWidth(%q, %d) = %q, want %q", c.s, c.width, got, c.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("CutToWidth(%q, %d) = %q is not valid UTF-8", c.s, c.width, got)
		}
		if c.width > 0 && DisplayWidth(got) > c.width {
			t.Errorf("CutToWidth(%q, %d) = %q is %d wide", c.s, c.width, got, DisplayWidth(got))
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"plain text", "plain text"},
		{"two\nlines", `two\nlines`},
		{"a\tb\rc", `a\tb\rc`},
		{"bell\a esc\x1b del\x7f", `bell\x07 esc\x1b del\x7f`},
		{"nel\u0085 sep\u2028 para\u2029", `nel\u0085 sep\u2028 para\u2029`},
		{"rtl\u202eabc\u2066x\u2069", `rtl\u202eabc\u2066x\u2069`},
		{`back\slash`, `back\slash`},
		{"漢字 é", "漢字 é"},
	} {
		if got := OneLine(c.s); got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestPadRight(t *testing.T) {
	if got := PadRight("漢字", 6); got != "漢字  " {
		t.Errorf("PadRight = %q", got)
	}
	if got := PadRight("toolong", 3); got != "toolong" {
		t.Errorf("PadRight = %q", got)
	}
}
