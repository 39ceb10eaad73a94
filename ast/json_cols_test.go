package ast

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

// colTexts are texts for the UTF-16 column tests: multi-byte runes,
// surrogate pairs, invalid and truncated UTF-8, CRLF, lone CR, a CR at the
// end, empty lines.
var colTexts = []string{
	"",
	"abc",
	"SELECT Näme, 名前, x😀y FROM Task\r\nWHERE a = 'é'\rAND b = '\xff\xfe'\n\n\xe2\x80\nz\xf0\x9f\x98\r\n\r",
	"é\r\r\n😀\r",
	strings.Repeat("aé😀\xff", 100) + "\n" + strings.Repeat("x", 300) + "é",
	"\n\n\r\n",
}

// TestUTF16ColsMatchesDiag asks the columns of every line and column of
// the texts, in order and in random orders, with offsets that agree with
// the text and offsets that do not, and checks them against diag.UTF16Col.
func TestUTF16ColsMatchesDiag(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range colTexts {
		src := diag.NewSource("t", []byte(text))
		var ps []diag.Pos
		for line := -1; line <= src.LineCount()+2; line++ {
			n := len(src.Line(line))
			for col := -2; col <= n+4; col++ {
				p := diag.Pos{Line: line, Col: col, Offset: r.IntN(len(text) + 2)}
				if line >= 1 && line <= src.LineCount() && col >= 1 && col <= n+1 && r.IntN(4) > 0 {
					p.Offset = lineStart(src, line) + col - 1 // the offset the parser would give
				}
				ps = append(ps, p)
			}
		}
		for round := range 20 {
			order := append([]diag.Pos(nil), ps...)
			switch round {
			case 0: // in order
			case 1:
				for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
					order[i], order[j] = order[j], order[i]
				}
			default:
				r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			}
			c := utf16Cols{src: src}
			for _, p := range order {
				if got, want := c.col(p), diag.UTF16Col(src.Line(p.Line), p.Col); got != want {
					t.Fatalf("%q round %d: line %d col %d (offset %d): %d, want %d", text, round, p.Line, p.Col, p.Offset, got, want)
				}
			}
		}
	}
}

// lineStart returns the offset of the start of line n of src.
func lineStart(src *diag.Source, n int) int {
	off := 0
	for range n - 1 {
		off += strings.IndexByte(string(src.Text[off:]), '\n') + 1
	}
	return off
}
