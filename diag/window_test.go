package diag

import (
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// TestWriteTextLongLine shows the window of a long line around the range.
func TestWriteTextLongLine(t *testing.T) {
	x, y := strings.Repeat("x", 500), strings.Repeat("y", 500)
	tests := []struct {
		name  string
		text  string
		start int // the range, in bytes
		end   int
		want  string
	}{
		{
			name: "range in the middle: cut at both ends, the range centred",
			text: x + "DueDat" + y, start: 500, end: 506,
			want: "q.czql:1:501: error[c]: m\n" +
				"   1 | …" + x[:97] + "DueDat" + y[:97] + "…\n" +
				"     | " + strings.Repeat(" ", 98) + "^^^^^^ did you mean \"DueDate\"?\n",
		},
		{
			name: "range near the start: cut at the end",
			text: "SELECT DueDat FROM " + x + x, start: 7, end: 13,
			want: "q.czql:1:8: error[c]: m\n" +
				"   1 | " + ("SELECT DueDat FROM " + x)[:200] + "…\n" +
				"     |        ^^^^^^ did you mean \"DueDate\"?\n",
		},
		{
			name: "range at the end: cut at the start",
			text: x + x + " DueDat", start: 1001, end: 1007,
			want: "q.czql:1:1002: error[c]: m\n" +
				"   1 | …" + x[:193] + " DueDat\n" +
				"     | " + strings.Repeat(" ", 195) + "^^^^^^ did you mean \"DueDate\"?\n",
		},
		{
			name: "range wider than the window: carets up to the cut",
			text: x + x + x + x, start: 600, end: 1400,
			want: "q.czql:1:601: error[c]: m\n" +
				"   1 | …" + x[:200] + "…\n" +
				"     | " + strings.Repeat(" ", 21) + strings.Repeat("^", 180) + " did you mean \"DueDate\"?\n",
		},
		{
			name: "range past the end of a long line",
			text: x + x, start: 1000, end: 1000,
			want: "q.czql:1:1001: error[c]: m\n" +
				"   1 | …" + x[:200] + "\n" +
				"     | " + strings.Repeat(" ", 201) + "^ did you mean \"DueDate\"?\n",
		},
		{
			name: "a line of exactly 200 columns is shown whole",
			text: x[:194] + "DueDat", start: 194, end: 200,
			want: "q.czql:1:195: error[c]: m\n" +
				"   1 | " + x[:194] + "DueDat\n" +
				"     | " + strings.Repeat(" ", 194) + "^^^^^^ did you mean \"DueDate\"?\n",
		},
		{
			name: "wide runes: 200 columns, the caret under the range",
			text: strings.Repeat("日", 300) + "DueDat" + strings.Repeat("本", 300), start: 900, end: 906,
			want: "q.czql:1:901: error[c]: m\n" +
				"   1 | …" + strings.Repeat("日", 48) + "DueDat" + strings.Repeat("本", 49) + "…\n" +
				"     | " + strings.Repeat(" ", 97) + "^^^^^^ did you mean \"DueDate\"?\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := NewSource("q.czql", []byte(tt.text))
			d := Errorf("c", src.Range(tt.start, tt.end), "m")
			d.Suggestions = []Suggestion{{Message: `did you mean "DueDate"?`}}
			if got := render(t, src, d, TextOptions{}); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestWriteTextLongLineAlignment renders ranges on random long lines of
// tabs, wide runes, combining marks, control characters and invalid UTF-8:
// the shown part must be at most about 200 columns wide, and the carets
// must start under the range's first rune.
func TestWriteTextLongLineAlignment(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	pieces := []string{"a", "bc", "\t", "日", "e\u0301", "\x1b", "\xff", "\u202e", " ", "é"}
	for range 2000 {
		var b strings.Builder
		for b.Len() < r.IntN(3000) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString("@")
		for range r.IntN(1500) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		start := strings.IndexByte(text, '@')
		end := min(len(text), start+1+r.IntN(600))
		src := NewSource("q", []byte(text))
		out := render(t, src, Errorf("c", src.Range(start, end), "m"), TextOptions{})
		lines := strings.Split(out, "\n")
		shown := strings.TrimPrefix(lines[1], "   1 | ")
		carets := strings.TrimPrefix(lines[2], "     | ")
		col := len(carets) - len(strings.TrimLeft(carets, " "))
		// The columns of the shown line: expanded already, so no tabs are
		// left, and each rune counts its width.
		var at string
		c := 0
		for _, ru := range shown {
			if c == col && runeWidth(ru) > 0 {
				at = string(ru)
				break
			}
			c += runeWidth(ru)
		}
		if at != "@" {
			t.Fatalf("%q:\ncarets at column %d, over %q, not the range's '@':\n%s", text, col, at, out)
		}
		// The output trims the white space that ends the shown line;
		// window's result has it.
		part, pcol, n := window([]byte(text), start, end)
		if w := width(part); w > maxShown+2+tabWidth {
			t.Fatalf("shown line is %d columns wide:\n%s", w, out)
		}
		if pcol != col || n != strings.Count(carets, "^") || n < 1 || pcol+n > width(part) && n > 1 {
			t.Fatalf("%d carets from column %d, shown line of %d:\n%s", n, pcol, width(part), out)
		}
	}
}

// width is the display width of expanded text.
func width(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// TestWriteTextLongLineScaling renders a diagnostic on lines of 1 MB and
// 10 MB, and one per 100 bytes of lines of 256 KB and 2.5 MB: the cost of a
// snippet must not grow with the line, so that many diagnostics on one
// long line cost time linear in it.
func TestWriteTextLongLineScaling(t *testing.T) {
	cost := func(size, diags int) uint64 {
		text := []byte(strings.Repeat("SELECT a, ", size/10))
		src := NewSource("q", text)
		l := make(List, diags)
		for i := range l {
			off := i * (len(text) / diags)
			l[i] = Errorf("c", src.Range(off, off+6), "m")
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var out strings.Builder
		if err := WriteList(&out, src, l, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for _, tt := range []struct {
		name  string
		size  int
		diags func(size int) int
		limit float64 // at most this many times the bytes for 10× the line
	}{
		{"one diagnostic", 1 << 20, func(int) int { return 1 }, 2},
		{"a diagnostic per 100 bytes", 256 << 10, func(size int) int { return size / 100 }, 20},
	} {
		small, large := cost(tt.size, tt.diags(tt.size)), cost(10*tt.size, tt.diags(10*tt.size))
		t.Logf("%s: %d → %d byte line: %d → %d bytes allocated (%.1f×)",
			tt.name, tt.size, 10*tt.size, small, large, float64(large)/float64(small))
		if float64(large) >= tt.limit*float64(small) {
			t.Fatalf("%s: 10× the line allocated %.1f× the bytes", tt.name, float64(large)/float64(small))
		}
	}
}

// BenchmarkWriteTextLongLine renders a diagnostic in the middle of a line
// of 1 MB.
func BenchmarkWriteTextLongLine(b *testing.B) {
	text := []byte(strings.Repeat("SELECT a, ", 100_000))
	src := NewSource("q", text)
	d := Errorf("c", src.Range(len(text)/2, len(text)/2+6), "m")
	b.ReportAllocs()
	for b.Loop() {
		var out strings.Builder
		if err := WriteText(&out, src, d, TextOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
