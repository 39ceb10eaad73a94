package ast

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/czql/czql/diag"
)

// JSONSchemaVersion is the version of the JSON schema of [WriteJSON], the
// value of its "schemaVersion" key. It changes only when a key is renamed
// or removed or its meaning changes; new keys may be added within a
// version.
const JSONSchemaVersion = 1

// WriteJSON writes file f, parsed from src, and the diagnostics diags to w
// as one JSON document in the schema below (version [JSONSchemaVersion]),
// indented by two spaces and ending in a newline. It is the output of
// `czql parse --ast`. src must not be nil: the UTF-16 columns are counted
// in its lines, and src.Name is the "file". A nil f writes no queries and
// no comments.
//
// WriteJSON streams: it walks the tree once and writes as it goes through
// a fixed 64 KB buffer, so that its memory does not grow with the output
// (it holds no more than a stack as deep as the longest AND/OR chain and a
// few lines' UTF-16 checkpoints) and its work is linear in what it writes
// (the indentation of a chain of n ANDs grows with n², though). It walks AND/OR chains, which the parser nests to the
// left without limit, without recursion. It returns the first error of w,
// after which it stops walking.
//
// # Schema, version 1
//
// The top level is
//
//	{"schemaVersion": 1, "file": NAME, "queries": [Query…],
//	 "comments": [Comment…], "diagnostics": [Diagnostic…]}
//
// Every node is an object whose first keys are "kind" (the ast type name,
// such as "CompareExpr") and "range"; its other keys are listed below, in
// the order they are written. A child that is absent is null; a list that
// is empty is []. A range is {"start": Pos, "end": Pos} (end exclusive) or
// null when unknown, and a Pos is {"offset", "line", "col", "utf16Col"}:
// 0-based byte offset, 1-based line, 1-based byte column and 1-based UTF-16
// column (see [diag.UTF16Col]).
//
//	Query          select, from, where, groupBy, orderBy, limit, offset
//	SelectClause   keyword (range), items
//	FromClause     keyword, entity (Ident)
//	WhereClause    keyword, cond
//	GroupByClause  keyword, fields
//	OrderByClause  keyword, items
//	LimitClause    keyword, value
//	OffsetClause   keyword, value
//	OrderItem      field, dir ("default" | "asc" | "desc"), dirRange
//	Ident          name (without "@")
//	FieldRef       path ("Manager.Name"), segments (Ident)
//	AggregateExpr  func ("COUNT" …), funcRange, arg (FieldRef), rparen, alias (Ident)
//	RelationQuery  lparen, query, rparen
//	BinaryExpr     op ("AND" | "OR"), opRange, x, y
//	NotExpr        notRange, x
//	ParenExpr      lparen, x, rparen
//	CompareExpr    x (FieldRef), op ("=" "<>" "<" ">" "<=" ">="), opRange, y
//	InExpr         x, not (bool), opRange, lparen, list (null for a sub-query), query, rparen
//	LikeExpr       x, not (bool), opRange, pattern
//	StringLit      value (unescaped)
//	NumberLit      raw
//	DateLit        raw, dateTime (bool)
//	BoolLit        value (bool)
//	NullLit        —
//	ParamRef       name (without ":")
//	BadExpr        x (the field read before the fault; absent when none)
//	Comment        text (with its markers)
//
// A Diagnostic is {"severity": "error" | "warning" | "info", "code",
// "message", "detail", "range", "related": [{"range", "message"}],
// "suggestions": [{"message", "edits": [{"range", "newText"}]}]}.
//
// Strings are escaped as encoding/json escapes them without HTML escaping:
// '<', '>' and '&' are written as they are; '"', '\\' and control
// characters are escaped, U+2028 and U+2029 are written \u2028 and \u2029,
// and each invalid UTF-8 byte becomes \ufffd.
func WriteJSON(w io.Writer, src *diag.Source, f *File, diags diag.List) error {
	j, err := NewJSONWriter(w, src)
	if err != nil {
		return err
	}
	j.file(f)
	return j.Close(diags)
}

// file writes the queries and comments of f.
func (j *JSONWriter) file(f *File) {
	if f == nil {
		return
	}
	for _, q := range f.Queries {
		j.Query(q)
	}
	for _, c := range f.Comments {
		j.Comment(c)
	}
}

// JSONWriter writes the document of [WriteJSON] piece by piece, for a
// file read one statement at a time (see parser.Statements): the
// queries, then the comments, then the diagnostics. It holds none of
// them: each is written through a fixed buffer as it is given.
type JSONWriter struct {
	e     *jsonEncoder
	stage int // 0: queries, 1: comments, 2: closed
}

// NewJSONWriter returns a writer of the JSON of the file parsed from
// src to w. src must not be nil (see [WriteJSON]).
func NewJSONWriter(w io.Writer, src *diag.Source) (*JSONWriter, error) {
	if src == nil {
		return nil, errors.New("ast: WriteJSON needs the source of the file")
	}
	e := &jsonEncoder{w: w, buf: make([]byte, 0, bufSize), cols: utf16Cols{src: src}}
	e.open('{')
	e.key("schemaVersion")
	e.int(JSONSchemaVersion)
	e.key("file")
	e.str(src.Name)
	e.key("queries")
	e.open('[')
	return &JSONWriter{e: e}, nil
}

// Query writes the next query. It may not follow a comment.
func (j *JSONWriter) Query(q *Query) {
	if j.stage != 0 || j.e.err != nil {
		return
	}
	j.e.elem()
	j.e.query(q)
}

// Comment writes the next comment; the first one ends the queries.
func (j *JSONWriter) Comment(c *Comment) {
	j.endQueries()
	if j.stage != 1 || j.e.err != nil {
		return
	}
	j.e.elem()
	j.e.comment(c)
}

// endQueries ends the list of queries and opens that of the comments,
// once.
func (j *JSONWriter) endQueries() {
	if j.stage == 0 {
		j.e.close(']')
		j.e.key("comments")
		j.e.open('[')
		j.stage = 1
	}
}

// Close writes diags and ends the document. It returns the first error
// of the writer, which stopped the writing.
func (j *JSONWriter) Close(diags diag.List) error {
	if j.stage == 2 {
		return j.e.err
	}
	j.endQueries()
	j.stage = 2
	e := j.e
	e.close(']')
	e.key("diagnostics")
	e.open('[')
	for _, d := range diags {
		e.elem()
		e.diagnostic(d)
	}
	e.close(']')
	e.close('}')
	e.buf = append(e.buf, '\n')
	e.flush()
	return e.err
}

// jsonEncoder writes the JSON of WriteJSON. It writes members one after the
// other, keeping only what the indentation needs: the depth and whether the
// innermost open object or array has a member yet.
type jsonEncoder struct {
	w     io.Writer
	buf   []byte // the output not yet written to w
	err   error  // the first error of w; the walk stops there
	depth int    // number of open objects and arrays
	empty bool   // the innermost open object or array has no member yet
	cols  utf16Cols

	// A stack of the left spines of BinaryExpr chains, in two slices so
	// that the ranges hold no pointers.
	spine       []*BinaryExpr
	spineRanges []diag.Range
}

// node writes n, or null for a nil node (including a typed nil pointer).
func (e *jsonEncoder) node(n Node) {
	if e.err != nil {
		return
	}
	switch n := n.(type) {
	case nil:
		e.null()
	case *Query:
		e.query(n)
	case *Comment:
		e.comment(n)
	case *SelectClause:
		if e.begin(n == nil, "SelectClause", n) {
			e.keyRange("keyword", n.Keyword)
			nodeList(e, "items", n.Items)
			e.close('}')
		}
	case *FromClause:
		if e.begin(n == nil, "FromClause", n) {
			e.keyRange("keyword", n.Keyword)
			e.key("entity")
			e.node(n.Entity)
			e.close('}')
		}
	case *WhereClause:
		if n == nil {
			e.null()
			return
		}
		e.beginRange("WhereClause", n.Keyword.Cover(e.exprRange(n.Cond)))
		e.keyRange("keyword", n.Keyword)
		e.key("cond")
		e.node(n.Cond)
		e.close('}')
	case *GroupByClause:
		if e.begin(n == nil, "GroupByClause", n) {
			e.keyRange("keyword", n.Keyword)
			nodeList(e, "fields", n.Fields)
			e.close('}')
		}
	case *OrderByClause:
		if e.begin(n == nil, "OrderByClause", n) {
			e.keyRange("keyword", n.Keyword)
			nodeList(e, "items", n.Items)
			e.close('}')
		}
	case *LimitClause:
		if e.begin(n == nil, "LimitClause", n) {
			e.keyRange("keyword", n.Keyword)
			e.key("value")
			e.node(n.Value)
			e.close('}')
		}
	case *OffsetClause:
		if e.begin(n == nil, "OffsetClause", n) {
			e.keyRange("keyword", n.Keyword)
			e.key("value")
			e.node(n.Value)
			e.close('}')
		}
	default:
		if !e.item(n) && !e.condition(n) && !e.literal(n) {
			panic(fmt.Sprintf("ast: WriteJSON has no encoding for %T", n))
		}
	}
}

// query writes q.
func (e *jsonEncoder) query(q *Query) {
	if !e.begin(q == nil, "Query", q) {
		return
	}
	e.key("select")
	e.node(q.Select)
	e.key("from")
	e.node(q.From)
	e.key("where")
	e.node(q.Where)
	e.key("groupBy")
	e.node(q.GroupBy)
	e.key("orderBy")
	e.node(q.OrderBy)
	e.key("limit")
	e.node(q.Limit)
	e.key("offset")
	e.node(q.Offset)
	e.close('}')
}

// comment writes c.
func (e *jsonEncoder) comment(c *Comment) {
	if e.begin(c == nil, "Comment", c) {
		e.key("text")
		e.str(c.Text)
		e.close('}')
	}
}

// item writes select items, order items, names and paths; it reports
// whether n was one.
func (e *jsonEncoder) item(n Node) bool {
	switch n := n.(type) {
	case *OrderItem:
		if e.begin(n == nil, "OrderItem", n) {
			e.key("field")
			e.node(n.Field)
			e.key("dir")
			e.str(direction(n.Dir))
			e.keyRange("dirRange", n.DirRng)
			e.close('}')
		}
	case *Ident:
		if e.begin(n == nil, "Ident", n) {
			e.key("name")
			e.str(n.Name)
			e.close('}')
		}
	case *FieldRef:
		if e.begin(n == nil, "FieldRef", n) {
			e.key("path")
			e.path(n.Segments)
			nodeList(e, "segments", n.Segments)
			e.close('}')
		}
	case *AggregateExpr:
		if e.begin(n == nil, "AggregateExpr", n) {
			e.key("func")
			e.str(string(n.Func))
			e.keyRange("funcRange", n.FuncRng)
			e.key("arg")
			e.node(n.Arg)
			e.keyRange("rparen", n.Rparen)
			e.key("alias")
			e.node(n.Alias)
			e.close('}')
		}
	case *RelationQuery:
		if e.begin(n == nil, "RelationQuery", n) {
			e.keyRange("lparen", n.Lparen)
			e.key("query")
			e.node(n.Query)
			e.keyRange("rparen", n.Rparen)
			e.close('}')
		}
	default:
		return false
	}
	return true
}

// condition writes the nodes of a WHERE condition other than literals; it
// reports whether n was one.
func (e *jsonEncoder) condition(n Node) bool {
	switch n := n.(type) {
	case *BinaryExpr:
		if n == nil {
			e.null()
		} else {
			e.binary(n)
		}
	case *NotExpr:
		if n == nil {
			e.null()
			break
		}
		e.beginRange("NotExpr", n.Not.Cover(e.exprRange(n.X)))
		e.keyRange("notRange", n.Not)
		e.key("x")
		e.node(n.X)
		e.close('}')
	case *ParenExpr:
		if e.begin(n == nil, "ParenExpr", n) {
			e.keyRange("lparen", n.Lparen)
			e.key("x")
			e.node(n.X)
			e.keyRange("rparen", n.Rparen)
			e.close('}')
		}
	case *CompareExpr:
		if e.begin(n == nil, "CompareExpr", n) {
			e.key("x")
			e.node(n.X)
			e.key("op")
			e.str(n.Op.String())
			e.keyRange("opRange", n.OpRng)
			e.key("y")
			e.node(n.Y)
			e.close('}')
		}
	case *InExpr:
		if e.begin(n == nil, "InExpr", n) {
			e.key("x")
			e.node(n.X)
			e.key("not")
			e.bool(n.Not)
			e.keyRange("opRange", n.OpRng)
			e.keyRange("lparen", n.Lparen)
			e.key("list")
			if n.Query != nil {
				e.null() // a sub-query has no list
			} else {
				e.open('[')
				for _, l := range n.List {
					e.elem()
					e.node(l)
				}
				e.close(']')
			}
			e.key("query")
			e.node(n.Query)
			e.keyRange("rparen", n.Rparen)
			e.close('}')
		}
	case *LikeExpr:
		if e.begin(n == nil, "LikeExpr", n) {
			e.key("x")
			e.node(n.X)
			e.key("not")
			e.bool(n.Not)
			e.keyRange("opRange", n.OpRng)
			e.key("pattern")
			e.node(n.Pattern)
			e.close('}')
		}
	default:
		return false
	}
	return true
}

// literal writes literals, parameters and BadExpr; it reports whether n
// was one.
func (e *jsonEncoder) literal(n Node) bool {
	switch n := n.(type) {
	case *StringLit:
		if e.begin(n == nil, "StringLit", n) {
			e.key("value")
			e.str(n.Value)
			e.close('}')
		}
	case *NumberLit:
		if e.begin(n == nil, "NumberLit", n) {
			e.key("raw")
			e.str(n.Raw)
			e.close('}')
		}
	case *DateLit:
		if e.begin(n == nil, "DateLit", n) {
			e.key("raw")
			e.str(n.Raw)
			e.key("dateTime")
			e.bool(n.IsDateTime())
			e.close('}')
		}
	case *BoolLit:
		if e.begin(n == nil, "BoolLit", n) {
			e.key("value")
			e.bool(n.Value)
			e.close('}')
		}
	case *NullLit:
		if e.begin(n == nil, "NullLit", n) {
			e.close('}')
		}
	case *ParamRef:
		if e.begin(n == nil, "ParamRef", n) {
			e.key("name")
			e.str(n.Name)
			e.close('}')
		}
	case *BadExpr:
		if e.begin(n == nil, "BadExpr", n) {
			if n.X != nil {
				e.key("x")
				e.node(n.X)
			}
			e.close('}')
		}
	default:
		return false
	}
	return true
}

// binary writes the left-nested chain of BinaryExprs rooted at b without
// recursing along it: `a AND b AND …` may be a million terms long. It
// opens the objects of the chain from the outside in down to the first
// operand, then writes each right operand and closes its object from the
// inside out.
func (e *jsonEncoder) binary(b *BinaryExpr) {
	base, top := e.pushSpine(b)
	for i := base; i < top && e.err == nil; i++ {
		b := e.spine[i]
		e.beginRange("BinaryExpr", e.spineRanges[i])
		e.key("op")
		e.str(b.Op.String())
		e.keyRange("opRange", b.OpRng)
		e.key("x")
	}
	e.node(e.spine[top-1].X)
	for i := top - 1; i >= base && e.err == nil; i-- {
		e.key("y")
		e.node(e.spine[i].Y) // may push and pop above top
		e.close('}')
	}
	e.popSpine(base)
}

// pushSpine pushes the left spine of b on the spine stack, b first, with
// the range of each node, and returns the bounds of what it pushed, to be
// popped with popSpine(base). The ranges are those of [BinaryExpr.Range],
// computed bottom-up in one pass instead of once per node of the chain.
func (e *jsonEncoder) pushSpine(b *BinaryExpr) (base, top int) {
	base = len(e.spine)
	for {
		e.spine = append(e.spine, b)
		x, ok := b.X.(*BinaryExpr)
		if !ok || x == nil {
			break
		}
		b = x
	}
	top = len(e.spine)
	e.spineRanges = slices.Grow(e.spineRanges, top-base)[:top]
	r := e.exprRange(e.spine[top-1].X)
	for i := top - 1; i >= base; i-- {
		r = r.Cover(e.exprRange(e.spine[i].Y)) // may push and pop above top
		e.spineRanges[i] = r
	}
	return base, top
}

// popSpine pops the spine stack down to base.
func (e *jsonEncoder) popSpine(base int) {
	clear(e.spine[base:]) // let the garbage collector have the nodes
	e.spine = e.spine[:base]
	e.spineRanges = e.spineRanges[:base]
}

// exprRange returns rangeOf(x) without recursing along BinaryExpr chains.
func (e *jsonEncoder) exprRange(x Expr) diag.Range {
	switch x := x.(type) {
	case *BinaryExpr:
		if x == nil {
			return diag.Range{}
		}
		base, _ := e.pushSpine(x)
		r := e.spineRanges[base]
		e.popSpine(base)
		return r
	case *NotExpr:
		if x == nil {
			return diag.Range{}
		}
		return x.Not.Cover(e.exprRange(x.X))
	}
	return rangeOf(x)
}

// begin starts the object of node n of the given kind with its range, or
// writes null when isNil; it reports whether it started an object.
func (e *jsonEncoder) begin(isNil bool, kind string, n Node) bool {
	if isNil {
		e.null()
		return false
	}
	e.beginRange(kind, n.Range())
	return true
}

// beginRange starts the object of a node of the given kind and range.
func (e *jsonEncoder) beginRange(kind string, r diag.Range) {
	e.open('{')
	e.key("kind")
	e.str(kind)
	e.keyRange("range", r)
}

// path writes the dotted path of segments as [FieldRef.Path] spells it.
func (e *jsonEncoder) path(segs []*Ident) {
	if len(segs) == 1 && segs[0] != nil {
		e.str(segs[0].Name)
		return
	}
	// The escaped path is the escaped segments joined by '.': a '.'
	// cannot be part of a multi-byte sequence.
	e.buf = append(e.buf, '"')
	for i, s := range segs {
		if i > 0 {
			e.buf = append(e.buf, '.')
		}
		if s != nil {
			e.strBody(s.Name)
		}
	}
	e.buf = append(e.buf, '"')
}

// direction returns the schema spelling of d.
func direction(d Direction) string {
	switch d {
	case Asc:
		return "asc"
	case Desc:
		return "desc"
	}
	return "default"
}

// diagnostic writes d.
func (e *jsonEncoder) diagnostic(d diag.Diagnostic) {
	e.open('{')
	e.key("severity")
	e.str(d.Severity.String())
	e.key("code")
	e.str(d.Code)
	e.key("message")
	e.str(d.Message)
	e.key("detail")
	e.str(d.Detail)
	e.keyRange("range", d.Range)
	e.key("related")
	e.open('[')
	for _, r := range d.Related {
		e.elem()
		e.open('{')
		e.keyRange("range", r.Range)
		e.key("message")
		e.str(r.Message)
		e.close('}')
	}
	e.close(']')
	e.key("suggestions")
	e.open('[')
	for _, s := range d.Suggestions {
		e.elem()
		e.open('{')
		e.key("message")
		e.str(s.Message)
		e.key("edits")
		e.open('[')
		for _, ed := range s.Edits {
			e.elem()
			e.open('{')
			e.keyRange("range", ed.Range)
			e.key("newText")
			e.str(ed.NewText)
			e.close('}')
		}
		e.close(']')
		e.close('}')
	}
	e.close(']')
	e.close('}')
}

// keyRange writes the member k with range r, null when r is not valid.
func (e *jsonEncoder) keyRange(k string, r diag.Range) {
	e.key(k)
	if !r.IsValid() {
		e.null()
		return
	}
	e.open('{')
	e.key("start")
	e.pos(r.Start)
	e.key("end")
	e.pos(r.End)
	e.close('}')
}

// pos writes p.
func (e *jsonEncoder) pos(p diag.Pos) {
	e.open('{')
	e.key("offset")
	e.int(p.Offset)
	e.key("line")
	e.int(p.Line)
	e.key("col")
	e.int(p.Col)
	e.key("utf16Col")
	e.int(e.cols.col(p))
	e.close('}')
}

// The layout, as encoding/json's indentation by two spaces: an empty object
// or array is {} or [], a member or element goes on its own line.

// open starts an object or array with the bracket c.
func (e *jsonEncoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.empty = true
}

// close ends the innermost object or array with the bracket c.
func (e *jsonEncoder) close(c byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.buf = append(e.buf, c)
	e.empty = false
}

// key starts the member k of the innermost object; k needs no escaping.
func (e *jsonEncoder) key(k string) {
	e.elem()
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, k...)
	e.buf = append(e.buf, `": `...)
}

// elem starts an element of the innermost array.
func (e *jsonEncoder) elem() {
	if !e.empty {
		e.buf = append(e.buf, ',')
	}
	e.empty = false
	e.newline()
}

const spaces = "                                                                " // 64

// newline ends the line and indents the next one. It is the one place
// where the buffer is written out: between two newlines, less than
// flushChunk bytes are added, but for strings, which flush as they go.
func (e *jsonEncoder) newline() {
	e.flushIfFull()
	e.buf = append(e.buf, '\n')
	for n := 2 * e.depth; n > 0 && e.err == nil; n -= len(spaces) {
		e.buf = append(e.buf, spaces[:min(n, len(spaces))]...)
		e.flushIfFull()
	}
}

func (e *jsonEncoder) null() { e.buf = append(e.buf, "null"...) }

func (e *jsonEncoder) bool(b bool) {
	e.buf = strconv.AppendBool(e.buf, b)
}

func (e *jsonEncoder) int(n int) {
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
}

// str writes s as a JSON string.
func (e *jsonEncoder) str(s string) {
	e.buf = append(e.buf, '"')
	e.strBody(s)
	e.buf = append(e.buf, '"')
}

// strBody writes s escaped as encoding/json escapes a string without HTML
// escaping (its appendString with escapeHTML false), without the quotes.
func (e *jsonEncoder) strBody(s string) {
	start := 0
	for i := 0; i < len(s); {
		if i-start >= flushChunk {
			e.flushIfFull()
			e.buf = append(e.buf, s[start:i]...)
			start = i
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			e.buf = append(e.buf, s[start:i]...)
			switch b {
			case '\\', '"':
				e.buf = append(e.buf, '\\', b)
			case '\b':
				e.buf = append(e.buf, '\\', 'b')
			case '\f':
				e.buf = append(e.buf, '\\', 'f')
			case '\n':
				e.buf = append(e.buf, '\\', 'n')
			case '\r':
				e.buf = append(e.buf, '\\', 'r')
			case '\t':
				e.buf = append(e.buf, '\\', 't')
			default:
				e.buf = append(e.buf, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			e.flushIfFull()
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
		e.flushIfFull()
	}
	e.buf = append(e.buf, s[start:]...)
}

const hexDigits = "0123456789abcdef"

// The output buffer holds up to bufSize bytes; it is written out once it
// holds more than bufSize-2*flushChunk, before another flushChunk bytes at
// most are added, so that it never grows.
const (
	bufSize    = 64 << 10
	flushChunk = 4 << 10
)

// flushIfFull writes the buffer out when it is nearly full.
func (e *jsonEncoder) flushIfFull() {
	if len(e.buf) > bufSize-2*flushChunk {
		e.flush()
	}
}

// flush writes the buffer out; after an error, it drops it.
func (e *jsonEncoder) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

// utf16Cols computes the UTF-16 column of positions of src as
// diag.UTF16Col(src.Line(p.Line), p.Col) does, without copying lines and
// in work linear in the text when positions come in increasing order on
// each line, as they mostly do in a walk of the tree. It keeps a cursor on
// each of the few lines asked last.
type utf16Cols struct {
	src   *diag.Source
	lines [4]lineCursor // most recently used first

	// For the tests of the work done: bytes decoded, and lines looked
	// up in src (by a binary search, or by copying the line).
	decoded, loads int
}

// col returns the 1-based UTF-16 column of p.
func (c *utf16Cols) col(p diag.Pos) int {
	i := 0
	for i < len(c.lines) && !(c.lines[i].used && c.lines[i].n == p.Line) {
		i++
	}
	if i == len(c.lines) {
		i--
		c.lines[i].load(c.src, p)
		c.loads++
	}
	if i > 0 { // move to front
		l := c.lines[i]
		copy(c.lines[1:i+1], c.lines[:i])
		c.lines[0] = l
	}
	u, n := c.lines[0].units(p.Col - 1)
	c.decoded += n
	return u + 1
}

// checkpointGap is the least distance in bytes between two checkpoints of
// a line that is not ASCII.
const checkpointGap = 64

// lineCursor counts UTF-16 units in one line. It decodes the line as
// diag.UTF16Col does, from its start, and remembers how far it got (the
// frontier) and, past the line's ASCII prefix, a checkpoint every
// checkpointGap bytes, so that a column after the frontier costs the bytes
// in between and any other costs at most checkpointGap bytes.
type lineCursor struct {
	used bool
	n    int    // the 1-based line number
	data []byte // the text from the start of the line: to the end of the source, or just the line when end >= 0
	end  int    // the length of the line, or -1 until the scan meets its end
	fi   int    // the frontier: data[:fi] is decoded; fi is a rune boundary
	fu   int    // UTF-16 units in data[:fi]
	// ascii is the length of the ASCII prefix of data[:fi]; while it
	// equals fi, all the bytes read are ASCII and cps is empty.
	ascii int
	cps   []checkpoint // rune boundaries from ascii on, increasing
	// last holds where the last two scans below the frontier stopped,
	// the latest first: a node's range starts where its first child's
	// does, so columns come back.
	last [2]checkpoint
}

// checkpoint is a rune boundary i of a line with u UTF-16 units before it;
// the zero checkpoint is the start of the line.
type checkpoint struct{ i, u int }

// load points l at line p.Line of src, found without copying when p's
// offset and column agree with src (as the parser's positions do), or else
// as a copy of src.Line.
func (l *lineCursor) load(src *diag.Source, p diag.Pos) {
	*l = lineCursor{used: true, n: p.Line, end: -1, cps: l.cps[:0]}
	start := p.Offset - (p.Col - 1)
	if start >= 0 && start <= len(src.Text) && p.Line >= 1 && src.Pos(start) == (diag.Pos{Offset: start, Line: p.Line, Col: 1}) {
		l.data = src.Text[start:]
		return
	}
	l.data = []byte(src.Line(p.Line))
	l.end = len(l.data)
}

// units returns the UTF-16 units of the runes that lie entirely in the
// first end bytes of the line, end clamped to [0, len(line)], and the
// number of bytes it decoded to find them.
func (l *lineCursor) units(end int) (units, decoded int) {
	end = max(end, 0)
	if l.end >= 0 {
		end = min(end, l.end)
	}
	if end > l.fi {
		fi := l.fi
		l.advance(end)
		return l.fu, l.fi - fi
	}
	if end <= l.ascii {
		return end, 0
	}
	k := len(l.cps) - 1 // the last checkpoint at or before end; cps[0].i == ascii < end
	for lo := 0; lo < k; {
		m := (lo + k + 1) / 2
		if l.cps[m].i <= end {
			lo = m
		} else {
			k = m - 1
		}
	}
	i, u := l.cps[k].i, l.cps[k].u
	for _, m := range l.last { // resume from a column asked before if nearer
		if m.i > i && m.i <= end {
			i, u = m.i, m.u
		}
	}
	from := i
	for i < end {
		r, size := utf8.DecodeRune(l.data[i:])
		if i+size > end {
			break
		}
		u += max(utf16.RuneLen(r), 1)
		i += size
	}
	l.last[1], l.last[0] = l.last[0], checkpoint{i, u}
	return u, i - from
}

// advance moves the frontier up to end, or to the end of the line.
func (l *lineCursor) advance(end int) {
	data := l.data
	i, u := l.fi, l.fu
	for i < end && i < len(data) {
		b := data[i]
		if b < utf8.RuneSelf {
			if l.end < 0 && (b == '\n' || b == '\r' && (i+1 == len(data) || data[i+1] == '\n')) {
				l.end = i // a line ends at '\n', and so does a CR before it or at the end of the text
				break
			}
			i++
			u++
		} else {
			if len(l.cps) == 0 { // the end of the ASCII prefix
				l.ascii = i
				l.cps = append(l.cps, checkpoint{i, u})
			}
			// A multi-byte sequence cannot contain '\r' or '\n', so
			// decoding past the end of the line sees the same runes.
			r, size := utf8.DecodeRune(data[i:])
			if i+size > end {
				break
			}
			u += max(utf16.RuneLen(r), 1)
			i += size
		}
		if len(l.cps) > 0 && i-l.cps[len(l.cps)-1].i >= checkpointGap {
			l.cps = append(l.cps, checkpoint{i, u})
		}
	}
	if i == len(data) && l.end < 0 {
		l.end = i
	}
	if len(l.cps) == 0 {
		l.ascii = i
	}
	l.fi, l.fu = i, u
}

// nodeList writes key and the nodes ns as a JSON array.
func nodeList[N Node](e *jsonEncoder, key string, ns []N) {
	e.key(key)
	e.open('[')
	for _, n := range ns {
		e.elem()
		e.node(n)
	}
	e.close(']')
}
