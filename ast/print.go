package ast

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/czql/czql/diag"
)

// Fprint writes a stable, indented dump of the tree rooted at n to w: one
// node per line, children indented by two spaces, for golden tests and
// debugging. Each line holds the node's kind and its semantic fields (an
// operator, a NOT, a direction, an alias, a literal's value with %q). With
// withRanges, each line ends with the node's range as line:col-line:col,
// and with the ranges of its keywords and operators, written name=range.
//
// Without ranges, two trees print the same exactly when they have the same
// meaning and spelling, which is what "equal ignoring positions" means for
// the formatter's round-trip tests. Nil children that a complete tree
// always has print as "<nil>"; absent optional parts are left out. A File
// lists its comments, then its queries; a FieldRef of several names lists
// them, with their ranges, only when ranges are printed.
func Fprint(w io.Writer, n Node, withRanges bool) error {
	bw := bufio.NewWriter(w)
	p := &printer{w: bw, ranges: withRanges}
	p.node(n)
	return bw.Flush()
}

// Sprint returns the dump that [Fprint] writes.
func Sprint(n Node, withRanges bool) string {
	var b strings.Builder
	_ = Fprint(&b, n, withRanges)
	return b.String()
}

// printer writes one dump.
type printer struct {
	w      *bufio.Writer
	ranges bool
	depth  int
}

// line writes one line: the text, then, with ranges, the named ranges
// (name, range, name, range, …) and the node's range r.
func (p *printer) line(text string, r diag.Range, named ...any) {
	for i := 0; i < p.depth; i++ {
		p.w.WriteString("  ")
	}
	p.w.WriteString(text)
	if p.ranges {
		for i := 0; i+1 < len(named); i += 2 {
			if nr := named[i+1].(diag.Range); nr.IsValid() {
				fmt.Fprintf(p.w, " %s=%s", named[i], nr)
			}
		}
		p.w.WriteString(" " + r.String())
	}
	p.w.WriteByte('\n')
}

// nilLine writes the placeholder for a missing child.
func (p *printer) nilLine() {
	for i := 0; i < p.depth; i++ {
		p.w.WriteString("  ")
	}
	p.w.WriteString("<nil>\n")
}

// children prints each of ns one level deeper.
func (p *printer) children(ns ...Node) {
	p.depth++
	for _, n := range ns {
		p.node(n)
	}
	p.depth--
}

// node prints n and its children. The switch follows the declaration
// order of the node types.
func (p *printer) node(n Node) {
	if isNil(n) {
		p.nilLine()
		return
	}
	switch n := n.(type) {
	case *File:
		p.file(n)
	case *Comment:
		p.line("Comment "+fmt.Sprintf("%q", n.Text), n.Rng)
	case *Query:
		p.query(n)
	case *SelectClause:
		p.line("Select", n.Range(), "kw", n.Keyword)
		p.depth++
		for _, it := range n.Items {
			p.node(it)
		}
		p.depth--
	case *FromClause:
		p.line("From", n.Range(), "kw", n.Keyword)
		p.children(identNode(n.Entity))
	case *WhereClause:
		p.line("Where", n.Range(), "kw", n.Keyword)
		p.children(n.Cond)
	case *GroupByClause:
		p.groupBy(n)
	case *OrderByClause:
		p.orderBy(n)
	case *LimitClause:
		p.line("Limit", n.Range(), "kw", n.Keyword)
		p.children(n.Value)
	case *OffsetClause:
		p.line("Offset", n.Range(), "kw", n.Keyword)
		p.children(n.Value)
	case *OrderItem:
		p.orderItem(n)
	case *Ident:
		p.line("Ident "+n.Name, n.Rng)
	case *FieldRef:
		p.fieldRef(n)
	case *AggregateExpr:
		p.aggregate(n)
	case *RelationQuery:
		p.line("Relation", n.Range(), "lparen", n.Lparen, "rparen", n.Rparen)
		p.children(queryNode(n.Query))
	default:
		p.expr(n)
	}
}

// expr prints the condition and literal nodes.
func (p *printer) expr(n Node) {
	switch n := n.(type) {
	case *BinaryExpr:
		p.line("Binary "+n.Op.String(), n.Range(), "op", n.OpRng)
		p.children(n.X, n.Y)
	case *NotExpr:
		p.line("Not", n.Range(), "not", n.Not)
		p.children(n.X)
	case *ParenExpr:
		p.line("Paren", n.Range(), "lparen", n.Lparen, "rparen", n.Rparen)
		p.children(n.X)
	case *CompareExpr:
		p.line("Compare "+n.Op.String(), n.Range(), "op", n.OpRng)
		p.children(fieldNode(n.X), n.Y)
	case *InExpr:
		p.in(n)
	case *LikeExpr:
		p.line(not("Like", n.Not), n.Range(), "op", n.OpRng)
		p.children(fieldNode(n.X), n.Pattern)
	default:
		p.literal(n)
	}
}

// literal prints the literal nodes and BadExpr.
func (p *printer) literal(n Node) {
	switch n := n.(type) {
	case *StringLit:
		p.line(fmt.Sprintf("String %q", n.Value), n.Rng)
	case *NumberLit:
		p.line("Number "+n.Raw, n.Rng)
	case *DateLit:
		p.line("Date "+n.Raw, n.Rng)
	case *BoolLit:
		p.line(fmt.Sprintf("Bool %t", n.Value), n.Rng)
	case *NullLit:
		p.line("Null", n.Rng)
	case *ParamRef:
		p.line("Param :"+n.Name, n.Rng)
	case *BadExpr:
		p.line("Bad", n.Rng)
		if n.X != nil {
			p.children(fieldNode(n.X))
		}
	default:
		panic(fmt.Sprintf("ast.Fprint: unexpected node type %T", n))
	}
}

func (p *printer) file(f *File) {
	head := fmt.Sprintf("File %q", f.Name)
	if len(f.Queries) == 0 {
		p.w.WriteString(strings.Repeat("  ", p.depth) + head + "\n") // no range to show
	} else {
		p.line(head, f.Range())
	}
	p.depth++
	for _, c := range f.Comments {
		p.node(c)
	}
	for _, q := range f.Queries {
		p.node(queryNode(q))
	}
	p.depth--
}

func (p *printer) query(q *Query) {
	p.line("Query", q.Rng)
	p.depth++
	for _, c := range []Node{q.Select, q.From, q.Where, q.GroupBy, q.OrderBy, q.Limit, q.Offset} {
		if !isNil(c) {
			p.node(c)
		}
	}
	p.depth--
}

func (p *printer) groupBy(g *GroupByClause) {
	p.line("GroupBy", g.Range(), "kw", g.Keyword)
	p.depth++
	for _, f := range g.Fields {
		p.node(fieldNode(f))
	}
	p.depth--
}

func (p *printer) orderBy(o *OrderByClause) {
	p.line("OrderBy", o.Range(), "kw", o.Keyword)
	p.depth++
	for _, it := range o.Items {
		p.node(orderItemNode(it))
	}
	p.depth--
}

func (p *printer) orderItem(it *OrderItem) {
	text := "OrderItem"
	switch it.Dir {
	case Asc:
		text += " ASC"
	case Desc:
		text += " DESC"
	}
	p.line(text, it.Range(), "dir", it.DirRng)
	p.children(fieldNode(it.Field))
}

// fieldRef prints the path on one line; with ranges, a path of several
// names also lists each name with its range.
func (p *printer) fieldRef(f *FieldRef) {
	names := make([]string, len(f.Segments))
	for i, s := range f.Segments {
		if s == nil {
			names[i] = "<nil>"
			continue
		}
		names[i] = s.Name
	}
	p.line("FieldRef "+strings.Join(names, "."), f.Range())
	if p.ranges && len(f.Segments) > 1 {
		p.depth++
		for _, s := range f.Segments {
			p.node(identNode(s))
		}
		p.depth--
	}
}

func (p *printer) aggregate(a *AggregateExpr) {
	p.line("Aggregate "+string(a.Func), a.Range(), "func", a.FuncRng, "rparen", a.Rparen)
	p.depth++
	p.node(fieldNode(a.Arg))
	if a.Alias != nil {
		p.line("Alias "+a.Alias.Name, a.Alias.Rng)
	}
	p.depth--
}

func (p *printer) in(e *InExpr) {
	p.line(not("In", e.Not), e.Range(), "op", e.OpRng, "lparen", e.Lparen, "rparen", e.Rparen)
	p.depth++
	p.node(fieldNode(e.X))
	for _, v := range e.List {
		p.node(v)
	}
	if e.Query != nil {
		p.node(e.Query)
	}
	p.depth--
}

// not returns "kind NOT" or kind.
func not(kind string, negated bool) string {
	if negated {
		return kind + " NOT"
	}
	return kind
}

// The helpers below turn typed nil pointers into nil interfaces, so that
// they print as "<nil>".
func identNode(i *Ident) Node {
	if i == nil {
		return nil
	}
	return i
}

func fieldNode(f *FieldRef) Node {
	if f == nil {
		return nil
	}
	return f
}

func queryNode(q *Query) Node {
	if q == nil {
		return nil
	}
	return q
}

func orderItemNode(it *OrderItem) Node {
	if it == nil {
		return nil
	}
	return it
}
