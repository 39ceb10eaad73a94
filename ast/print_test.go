package ast

import (
	"bytes"
	"strings"
	"testing"

	"github.com/czql/czql/diag"
)

// rng returns the range of columns [c1, c2) on line 1.
func rng(c1, c2 int) diag.Range {
	return diag.Range{
		Start: diag.Pos{Offset: c1 - 1, Line: 1, Col: c1},
		End:   diag.Pos{Offset: c2 - 1, Line: 1, Col: c2},
	}
}

func id(name string, c1 int) *Ident { return &Ident{Name: name, Rng: rng(c1, c1+len(name))} }

// sample builds, by hand, a query that holds every kind of node:
//
//	SELECT a.b, COUNT(c) AS n, (SELECT d FROM R) FROM T WHERE NOT (e = 'x' OR f IN (1, :p)) AND g NOT LIKE 2024-01-01 AND h NOT IN (SELECT i FROM U) AND j <> TRUE AND k = NULL AND ? GROUP BY a ORDER BY n DESC, a LIMIT 5 OFFSET 6
//
// The columns are made up but distinct; the printer does not check them.
func sample() *File {
	q := &Query{
		Select: &SelectClause{Keyword: rng(1, 7), Items: []SelectItem{
			&FieldRef{Segments: []*Ident{id("a", 8), id("b", 10)}},
			&AggregateExpr{Func: Count, FuncRng: rng(13, 18), Arg: &FieldRef{Segments: []*Ident{id("c", 19)}}, Rparen: rng(20, 21), Alias: id("n", 25)},
			&RelationQuery{Lparen: rng(28, 29), Rparen: rng(44, 45), Query: &Query{
				Select: &SelectClause{Keyword: rng(29, 35), Items: []SelectItem{&FieldRef{Segments: []*Ident{id("d", 36)}}}},
				From:   &FromClause{Keyword: rng(38, 42), Entity: id("R", 43)},
				Rng:    rng(29, 44),
			}},
		}},
		From: &FromClause{Keyword: rng(46, 50), Entity: id("T", 51)},
		Where: &WhereClause{Keyword: rng(53, 58), Cond: &BinaryExpr{
			X: &BinaryExpr{
				X: &NotExpr{Not: rng(59, 62), X: &ParenExpr{Lparen: rng(63, 64), Rparen: rng(90, 91), X: &BinaryExpr{
					X:     &CompareExpr{X: &FieldRef{Segments: []*Ident{id("e", 64)}}, Op: Eq, OpRng: rng(66, 67), Y: &StringLit{Value: "x", Rng: rng(68, 71)}},
					Op:    Or,
					OpRng: rng(72, 74),
					Y: &InExpr{X: &FieldRef{Segments: []*Ident{id("f", 75)}}, OpRng: rng(77, 79), Lparen: rng(80, 81), Rparen: rng(89, 90),
						List: []Literal{&NumberLit{Raw: "1", Rng: rng(81, 82)}, &ParamRef{Name: "p", Rng: rng(84, 86)}}},
				}}},
				Op:    And,
				OpRng: rng(92, 95),
				Y: &LikeExpr{X: &FieldRef{Segments: []*Ident{id("g", 96)}}, Not: true, OpRng: rng(98, 106),
					Pattern: &DateLit{Raw: "2024-01-01", Rng: rng(107, 117)}},
			},
			Op:    And,
			OpRng: rng(118, 121),
			Y: &BinaryExpr{
				X: &InExpr{X: &FieldRef{Segments: []*Ident{id("h", 122)}}, Not: true, OpRng: rng(124, 130), Lparen: rng(131, 132), Rparen: rng(150, 151),
					Query: &Query{
						Select: &SelectClause{Keyword: rng(132, 138), Items: []SelectItem{&FieldRef{Segments: []*Ident{id("i", 139)}}}},
						From:   &FromClause{Keyword: rng(141, 145), Entity: id("U", 146)},
						Rng:    rng(132, 147),
					}},
				Op:    And,
				OpRng: rng(152, 155),
				Y: &BinaryExpr{
					X:     &CompareExpr{X: &FieldRef{Segments: []*Ident{id("j", 156)}}, Op: Ne, OpRng: rng(158, 160), Y: &BoolLit{Value: true, Rng: rng(161, 165)}},
					Op:    And,
					OpRng: rng(166, 169),
					Y: &BinaryExpr{
						X:     &CompareExpr{X: &FieldRef{Segments: []*Ident{id("k", 170)}}, Op: Eq, OpRng: rng(172, 173), Y: &NullLit{Rng: rng(174, 178)}},
						Op:    And,
						OpRng: rng(179, 182),
						Y:     &BadExpr{Rng: rng(183, 184)},
					},
				},
			},
		}},
		GroupBy: &GroupByClause{Keyword: rng(185, 193), Fields: []*FieldRef{{Segments: []*Ident{id("a", 194)}}}},
		OrderBy: &OrderByClause{Keyword: rng(196, 204), Items: []*OrderItem{
			{Field: &FieldRef{Segments: []*Ident{id("n", 205)}}, Dir: Desc, DirRng: rng(207, 211)},
			{Field: &FieldRef{Segments: []*Ident{id("a", 213)}}},
		}},
		Limit:  &LimitClause{Keyword: rng(215, 220), Value: &NumberLit{Raw: "5", Rng: rng(221, 222)}},
		Offset: &OffsetClause{Keyword: rng(223, 229), Value: &NumberLit{Raw: "6", Rng: rng(230, 231)}},
		Rng:    rng(1, 231),
	}
	return &File{Name: "s.czql", Queries: []*Query{q}, Comments: []*Comment{{Text: "-- c", Rng: rng(232, 236)}}}
}

const sampleNoRanges = `File "s.czql"
  Comment "-- c"
  Query
    Select
      FieldRef a.b
      Aggregate COUNT
        FieldRef c
        Alias n
      Relation
        Query
          Select
            FieldRef d
          From
            Ident R
    From
      Ident T
    Where
      Binary AND
        Binary AND
          Not
            Paren
              Binary OR
                Compare =
                  FieldRef e
                  String "x"
                In
                  FieldRef f
                  Number 1
                  Param :p
          Like NOT
            FieldRef g
            Date 2024-01-01
        Binary AND
          In NOT
            FieldRef h
            Query
              Select
                FieldRef i
              From
                Ident U
          Binary AND
            Compare <>
              FieldRef j
              Bool true
            Binary AND
              Compare =
                FieldRef k
                Null
              Bad
    GroupBy
      FieldRef a
    OrderBy
      OrderItem DESC
        FieldRef n
      OrderItem
        FieldRef a
    Limit
      Number 5
    Offset
      Number 6
`

func TestSprintWithoutRanges(t *testing.T) {
	if got := Sprint(sample(), false); got != sampleNoRanges {
		t.Errorf("got\n%s\nwant\n%s", got, sampleNoRanges)
	}
}

func TestSprintWithRanges(t *testing.T) {
	got := Sprint(sample(), true)
	for _, want := range []string{
		"File \"s.czql\" 1:1-1:231\n",
		"  Comment \"-- c\" 1:232-1:236\n",
		"    Select kw=1:1-1:7 1:1-1:45\n",
		"      FieldRef a.b 1:8-1:11\n        Ident a 1:8-1:9\n        Ident b 1:10-1:11\n",
		"      Aggregate COUNT func=1:13-1:18 rparen=1:20-1:21 1:13-1:26\n",
		"        Alias n 1:25-1:26\n",
		"      Relation lparen=1:28-1:29 rparen=1:44-1:45 1:28-1:45\n",
		"          Not not=1:59-1:62 1:59-1:91\n",
		"                In op=1:77-1:79 lparen=1:80-1:81 rparen=1:89-1:90 1:75-1:90\n",
		"          Like NOT op=1:98-1:106 1:96-1:117\n",
		"      OrderItem DESC dir=1:207-1:211 1:205-1:211\n",
		"      OrderItem 1:213-1:214\n",
		"              Bad 1:183-1:184\n",
		"    Offset kw=1:223-1:229 1:223-1:231\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("dump lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "\n") != strings.Count(sampleNoRanges, "\n")+2 {
		t.Errorf("with ranges, only the two-segment path may add lines:\n%s", got)
	}
}

// TestSprintIgnoresPositions checks that trees which differ only in their
// positions print the same without ranges, and differently with them.
func TestSprintIgnoresPositions(t *testing.T) {
	a, b := sample(), sample()
	Inspect(b, func(n Node) bool {
		switch n := n.(type) {
		case *Ident:
			n.Rng = rng(1, 2)
		case *NumberLit:
			n.Rng = rng(3, 4)
		}
		return true
	})
	if Sprint(a, false) != Sprint(b, false) {
		t.Error("moving nodes changed the dump without ranges")
	}
	if Sprint(a, true) == Sprint(b, true) {
		t.Error("moving nodes did not change the dump with ranges")
	}
	b.Queries[0].OrderBy.Items[0].Dir = Asc
	if Sprint(a, false) == Sprint(b, false) {
		t.Error("changing a direction did not change the dump")
	}
}

// TestSprintPartial prints the nil parts of a partial tree.
func TestSprintPartial(t *testing.T) {
	q := &Query{
		Select: &SelectClause{Keyword: rng(1, 7), Items: []SelectItem{&AggregateExpr{Func: Sum, FuncRng: rng(8, 11)}}},
		From:   &FromClause{Keyword: rng(13, 17)},
		Where:  &WhereClause{Keyword: rng(18, 23)},
		Limit:  &LimitClause{Keyword: rng(24, 29)},
	}
	want := "Query\n  Select\n    Aggregate SUM\n      <nil>\n  From\n    <nil>\n  Where\n    <nil>\n  Limit\n    <nil>\n"
	if got := Sprint(q, false); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Sprint(nil, true); got != "<nil>\n" {
		t.Errorf("nil node: got %q", got)
	}
	if got := Sprint(&File{Name: "e"}, true); got != "File \"e\"\n" {
		t.Errorf("empty file: got %q", got)
	}
}

func TestFprint(t *testing.T) {
	var b bytes.Buffer
	if err := Fprint(&b, sample(), true); err != nil {
		t.Fatal(err)
	}
	if b.String() != Sprint(sample(), true) {
		t.Error("Fprint and Sprint differ")
	}
	if err := Fprint(failWriter{}, sample(), false); err == nil {
		t.Error("Fprint hid a write error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

var errWrite = &writeError{}

type writeError struct{}

func (*writeError) Error() string { return "write failed" }
