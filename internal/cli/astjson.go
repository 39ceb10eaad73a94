package cli

import (
	"fmt"
	"reflect"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// astSchemaVersion is the version of the `czql parse --ast` JSON schema.
// It changes only when a key is renamed or removed or its meaning changes;
// new keys may be added within a version.
const astSchemaVersion = 1

// The JSON schema of `czql parse --ast`, version 1.
//
// The top level is
//
//	{"schemaVersion": 1, "file": NAME, "queries": [Query…],
//	 "comments": [Comment…], "diagnostics": [Diagnostic…]}
//
// Every node is an object whose first keys are "kind" (the ast type name,
// such as "CompareExpr") and "range"; its other keys are listed below. A
// child that is absent is null; a list that is empty is []. A range is
// {"start": Pos, "end": Pos} (end exclusive) or null when unknown, and a
// Pos is {"offset", "line", "col", "utf16Col"}: 0-based byte offset,
// 1-based line, 1-based byte column and 1-based UTF-16 column.
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

// astEncoder turns a syntax tree into the JSON objects of the schema above.
type astEncoder struct {
	src *diag.Source
}

// encodeFile returns the top-level object for file f and its diagnostics.
func encodeFile(src *diag.Source, f *ast.File, diags diag.List) *object {
	e := astEncoder{src}
	queries := []any{}
	comments := []any{}
	if f != nil {
		for _, q := range f.Queries {
			queries = append(queries, e.node(q))
		}
		for _, c := range f.Comments {
			comments = append(comments, e.node(c))
		}
	}
	ds := []any{}
	for _, d := range diags {
		ds = append(ds, e.diagnostic(d))
	}
	return obj("schemaVersion", astSchemaVersion, "file", src.Name,
		"queries", queries, "comments", comments, "diagnostics", ds)
}

// node returns the object for n, or nil for a nil node.
func (e *astEncoder) node(n ast.Node) any {
	if isNilNode(n) {
		return nil
	}
	o := obj("kind", reflect.TypeOf(n).Elem().Name(), "range", e.rng(n.Range()))
	switch n := n.(type) {
	case *ast.Query:
		e.query(o, n)
	case *ast.Comment:
		o.set("text", n.Text)
	default:
		if !e.clause(o, n) && !e.condition(o, n) && !e.literal(o, n) && !e.item(o, n) {
			panic(fmt.Sprintf("cli: no JSON encoding for ast node %T", n))
		}
	}
	return o
}

func (e *astEncoder) query(o *object, q *ast.Query) {
	o.set("select", e.node(q.Select)).set("from", e.node(q.From)).set("where", e.node(q.Where)).
		set("groupBy", e.node(q.GroupBy)).set("orderBy", e.node(q.OrderBy)).
		set("limit", e.node(q.Limit)).set("offset", e.node(q.Offset))
}

// clause encodes the clause nodes; it reports whether n was one.
func (e *astEncoder) clause(o *object, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.SelectClause:
		o.set("keyword", e.rng(n.Keyword)).set("items", nodes(e, n.Items))
	case *ast.FromClause:
		o.set("keyword", e.rng(n.Keyword)).set("entity", e.node(n.Entity))
	case *ast.WhereClause:
		o.set("keyword", e.rng(n.Keyword)).set("cond", e.node(n.Cond))
	case *ast.GroupByClause:
		o.set("keyword", e.rng(n.Keyword)).set("fields", nodes(e, n.Fields))
	case *ast.OrderByClause:
		o.set("keyword", e.rng(n.Keyword)).set("items", nodes(e, n.Items))
	case *ast.LimitClause:
		o.set("keyword", e.rng(n.Keyword)).set("value", e.node(n.Value))
	case *ast.OffsetClause:
		o.set("keyword", e.rng(n.Keyword)).set("value", e.node(n.Value))
	default:
		return false
	}
	return true
}

// item encodes select items, order items, names and paths.
func (e *astEncoder) item(o *object, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.OrderItem:
		o.set("field", e.node(n.Field)).set("dir", direction(n.Dir)).set("dirRange", e.rng(n.DirRng))
	case *ast.Ident:
		o.set("name", n.Name)
	case *ast.FieldRef:
		o.set("path", n.Path()).set("segments", nodes(e, n.Segments))
	case *ast.AggregateExpr:
		o.set("func", string(n.Func)).set("funcRange", e.rng(n.FuncRng)).set("arg", e.node(n.Arg)).
			set("rparen", e.rng(n.Rparen)).set("alias", e.node(n.Alias))
	case *ast.RelationQuery:
		o.set("lparen", e.rng(n.Lparen)).set("query", e.node(n.Query)).set("rparen", e.rng(n.Rparen))
	default:
		return false
	}
	return true
}

// condition encodes the nodes of a WHERE condition other than literals.
func (e *astEncoder) condition(o *object, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		o.set("op", n.Op.String()).set("opRange", e.rng(n.OpRng)).set("x", e.node(n.X)).set("y", e.node(n.Y))
	case *ast.NotExpr:
		o.set("notRange", e.rng(n.Not)).set("x", e.node(n.X))
	case *ast.ParenExpr:
		o.set("lparen", e.rng(n.Lparen)).set("x", e.node(n.X)).set("rparen", e.rng(n.Rparen))
	case *ast.CompareExpr:
		o.set("x", e.node(n.X)).set("op", n.Op.String()).set("opRange", e.rng(n.OpRng)).set("y", e.node(n.Y))
	case *ast.InExpr:
		var list any // null for a sub-query
		if n.Query == nil {
			list = nodes(e, n.List)
		}
		o.set("x", e.node(n.X)).set("not", n.Not).set("opRange", e.rng(n.OpRng)).set("lparen", e.rng(n.Lparen)).
			set("list", list).set("query", e.node(n.Query)).set("rparen", e.rng(n.Rparen))
	case *ast.LikeExpr:
		o.set("x", e.node(n.X)).set("not", n.Not).set("opRange", e.rng(n.OpRng)).set("pattern", e.node(n.Pattern))
	default:
		return false
	}
	return true
}

// literal encodes literals, parameters and BadExpr.
func (e *astEncoder) literal(o *object, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.StringLit:
		o.set("value", n.Value)
	case *ast.NumberLit:
		o.set("raw", n.Raw)
	case *ast.DateLit:
		o.set("raw", n.Raw).set("dateTime", n.IsDateTime())
	case *ast.BoolLit:
		o.set("value", n.Value)
	case *ast.ParamRef:
		o.set("name", n.Name)
	case *ast.BadExpr:
		if n.X != nil {
			o.set("x", e.node(n.X))
		}
	case *ast.NullLit:
	default:
		return false
	}
	return true
}

// nodes encodes a slice of nodes as a JSON array ([] when empty).
func nodes[N ast.Node](e *astEncoder, list []N) []any {
	out := make([]any, 0, len(list))
	for _, n := range list {
		out = append(out, e.node(n))
	}
	return out
}

// direction returns the schema spelling of d.
func direction(d ast.Direction) string {
	switch d {
	case ast.Asc:
		return "asc"
	case ast.Desc:
		return "desc"
	}
	return "default"
}

// rng returns the object for r, or nil when r is not a valid range.
func (e *astEncoder) rng(r diag.Range) any {
	if !r.IsValid() {
		return nil
	}
	return obj("start", e.pos(r.Start), "end", e.pos(r.End))
}

func (e *astEncoder) pos(p diag.Pos) *object {
	return obj("offset", p.Offset, "line", p.Line, "col", p.Col,
		"utf16Col", diag.UTF16Col(e.src.Line(p.Line), p.Col))
}

// diagnostic returns the object for d.
func (e *astEncoder) diagnostic(d diag.Diagnostic) *object {
	related := []any{}
	for _, r := range d.Related {
		related = append(related, obj("range", e.rng(r.Range), "message", r.Message))
	}
	suggestions := []any{}
	for _, s := range d.Suggestions {
		edits := []any{}
		for _, ed := range s.Edits {
			edits = append(edits, obj("range", e.rng(ed.Range), "newText", ed.NewText))
		}
		suggestions = append(suggestions, obj("message", s.Message, "edits", edits))
	}
	return obj("severity", d.Severity.String(), "code", d.Code, "message", d.Message, "detail", d.Detail,
		"range", e.rng(d.Range), "related", related, "suggestions", suggestions)
}

// isNilNode reports whether n is nil or a typed nil pointer.
func isNilNode(n ast.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
