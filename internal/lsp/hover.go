package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/validate"
)

// hover answers textDocument/hover: what the name, aggregate or value at
// the position is in the metadata, and the detail of the diagnostics
// there.
func (s *server) hover(params json.RawMessage) (any, error) {
	p, err := decode[TextDocumentPositionParams](params)
	if err != nil {
		return nil, err
	}
	d, snap, err := s.current(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	off := snap.lines.offset(p.Position)
	st := s.setupFor(d)
	s.tell(st.notes)
	var parts []string
	var span diag.Range
	if t, ok := findTarget(snap.text, off, st.md); ok {
		span = t.rng
		parts = append(parts, t.doc.text(s.markdownHover()))
	}
	for _, dg := range s.resultFor(d, snap).diags {
		if dg.Range.Start.IsValid() && dg.Range.Start.Offset <= off && off <= max(dg.Range.End.Offset, dg.Range.Start.Offset) {
			parts = append(parts, diagDoc(dg).text(s.markdownHover()))
			span = span.Cover(dg.Range)
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	h := Hover{Contents: MarkupContent{Kind: plainText, Value: strings.Join(parts, "\n\n---\n\n")}}
	if s.markdownHover() {
		h.Contents.Kind = markdown
	}
	if span.IsValid() {
		r := snap.lines.rangeOf(span.Start.Offset, span.End.Offset)
		h.Range = &r
	}
	return h, nil
}

// markdownHover reports whether the client shows markdown hovers.
func (s *server) markdownHover() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client.markdownHover
}

// diagDoc documents a diagnostic: its message, detail and suggestions.
func diagDoc(d diag.Diagnostic) doc {
	out := doc{title: fmt.Sprintf("%s[%s]: %s", d.Severity, d.Code, d.Message)}
	out.add("%s", d.Detail)
	for _, sg := range d.Suggestions {
		out.add("%s", sg.Message)
	}
	return out
}

// target is what a hover describes: a span and its documentation.
type target struct {
	rng diag.Range
	doc doc
}

// noRules makes validate.Check resolve names without checking them.
var noRules = &validate.Rule{Name: "resolve-only", Run: func(*validate.Pass) {}}

// findTarget finds the name, aggregate or value at the byte offset off of
// text and documents it with md.
func findTarget(text string, off int, md *metadata.Metadata) (target, bool) {
	s, ok := statementAt(text, off)
	if !ok {
		return target{}, false
	}
	info, _ := validate.Check(s.q, md, noRules)
	f := &finder{off: off, md: md, info: info, fromOf: map[*ast.FromClause]*ast.Query{},
		relOf: map[*ast.Query]*ast.RelationQuery{}, compared: map[ast.Literal]*ast.FieldRef{}}
	ast.Inspect(s.q, f.visit)
	return f.found, f.ok
}

// finder walks a statement for the node at off. Parents are visited
// before their children, so the maps know a node's context when it is
// met.
type finder struct {
	off      int
	md       *metadata.Metadata
	info     *validate.Info
	fromOf   map[*ast.FromClause]*ast.Query
	relOf    map[*ast.Query]*ast.RelationQuery
	compared map[ast.Literal]*ast.FieldRef
	found    target
	ok       bool
}

// at reports whether r holds the offset.
func (f *finder) at(r diag.Range) bool {
	return r.IsValid() && r.Start.Offset <= f.off && f.off < r.End.Offset
}

// visit records the context of n and describes it when it is at the
// offset; it returns whether to look into n's children.
func (f *finder) visit(n ast.Node) bool {
	if f.ok {
		return false
	}
	switch n := n.(type) {
	case *ast.Query:
		f.fromOf[n.From] = n
	case *ast.RelationQuery:
		f.relOf[n.Query] = n
	case *ast.CompareExpr:
		f.compared[n.Y] = n.X
	case *ast.LikeExpr:
		f.compared[n.Pattern] = n.X
	case *ast.InExpr:
		for _, l := range n.List {
			f.compared[l] = n.X
		}
	case *ast.FromClause:
		f.from(n)
	case *ast.FieldRef:
		f.fieldRef(n)
	case *ast.AggregateExpr:
		f.aggregate(n)
	case ast.Literal:
		f.literal(n)
	}
	return !f.ok
}

// hit records the target.
func (f *finder) hit(r diag.Range, d doc) {
	f.found, f.ok = target{rng: r, doc: d}, true
}

// from describes the name after FROM: an entity, or a relation in a
// relation sub-select.
func (f *finder) from(c *ast.FromClause) {
	if c.Entity == nil || !f.at(c.Entity.Rng) {
		return
	}
	q := f.fromOf[c]
	if rq := f.relOf[q]; rq != nil {
		if rel := f.info.Relations[rq]; rel != nil {
			f.hit(c.Entity.Rng, relationDoc(rel))
		}
		return
	}
	if e := f.info.Entities[q]; e != nil {
		f.hit(c.Entity.Rng, entityDoc(e))
	}
}

// fieldRef describes the segment of a field path at the offset.
func (f *finder) fieldRef(ref *ast.FieldRef) {
	fi := f.info.Fields[ref]
	for i, seg := range ref.Segments {
		if !f.at(seg.Rng) || fi == nil {
			continue
		}
		switch {
		case fi.Alias != nil:
			f.hit(seg.Rng, doc{title: "alias " + seg.Name, paras: []string{"the value of `" + aggregateText(fi.Alias) + "`"}})
		case i < len(fi.Segments) && fi.Segments[i] != nil:
			var from *metadata.Entity // a path's later segments: nil (see metadata.Values)
			if i == 0 {
				from = fi.Entity
			}
			f.hit(seg.Rng, fieldDoc(fi.Segments[i], f.md, from))
		case fi.Status == validate.PathCompound && i == len(ref.Segments)-1:
			f.hit(seg.Rng, doc{title: fi.Sub, paras: []string{"a part of a compound value (Money: value, currency; Duration: value, unit)"}})
		}
		return
	}
}

// aggregateText writes an aggregate as CZQL.
func aggregateText(a *ast.AggregateExpr) string {
	arg := ""
	if a.Arg != nil {
		arg = a.Arg.Path()
	}
	return string(a.Func) + "(" + arg + ")"
}

// aggregates describe the aggregate functions.
var aggregates = map[ast.AggFunc]string{
	ast.Count: "the number of records with a value in the field",
	ast.Sum:   "the sum of a numeric field over the records",
	ast.Avg:   "the average of a numeric field over the records",
	ast.Min:   "the least value of the field",
	ast.Max:   "the greatest value of the field",
}

// aggregate describes an aggregate function or its alias.
func (f *finder) aggregate(a *ast.AggregateExpr) {
	switch {
	case f.at(a.FuncRng):
		d := doc{title: string(a.Func) + " (aggregate)"}
		d.add("%s", aggregates[a.Func])
		if fi := f.info.Fields[a.Arg]; fi != nil && fi.Field != nil {
			d.add("of `%s`: %s", a.Arg.Path(), fieldType(fi.Field))
		}
		d.add("a query with an aggregate or GROUP BY is sent as an aggregateQuery")
		f.hit(a.FuncRng, d)
	case a.Alias != nil && f.at(a.Alias.Rng):
		f.hit(a.Alias.Rng, doc{title: "alias " + a.Alias.Name, paras: []string{"names `" + aggregateText(a) + "` in the result and in ORDER BY"}})
	}
}

// literal describes a value: what it is and, compared with a field that
// takes listed values, whether it is one of them.
func (f *finder) literal(l ast.Literal) {
	if !f.at(l.Range()) {
		return
	}
	d := doc{title: literalKind(l)}
	if ref := f.compared[l]; ref != nil {
		if fi := f.info.Fields[ref]; fi != nil && fi.Field != nil {
			d.add("compared with `%s`: %s", ref.Path(), fieldType(fi.Field))
			f.values(&d, l, fi)
		}
	}
	f.hit(l.Range(), d)
}

// values says whether a string is one of the values its field takes.
func (f *finder) values(d *doc, l ast.Literal, fi *validate.FieldInfo) {
	str, ok := l.(*ast.StringLit)
	if !ok {
		return
	}
	var from *metadata.Entity
	if len(fi.Segments) == 1 {
		from = fi.Entity
	}
	vals, _ := f.md.Values(from, fi.Field)
	if len(vals) == 0 {
		return
	}
	for _, v := range vals {
		if v == str.Value {
			d.add("one of the %d values of `%s`", len(vals), fi.Field.Name)
			return
		}
	}
	d.add("not one of the values of `%s`", fi.Field.Name)
	d.add("%s", valueList(vals))
}

// literalKind names a literal's kind.
func literalKind(l ast.Literal) string {
	switch l := l.(type) {
	case *ast.StringLit:
		return "string '" + l.Value + "'"
	case *ast.NumberLit:
		return "number " + l.Raw
	case *ast.DateLit:
		if l.IsDateTime() {
			return "date-time " + l.Raw
		}
		return "date " + l.Raw
	case *ast.BoolLit:
		return "boolean"
	case *ast.NullLit:
		return "NULL"
	case *ast.ParamRef:
		return "bind parameter :" + l.Name
	}
	return "value"
}
