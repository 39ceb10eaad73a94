package czql

import (
	"slices"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/format"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// CodeNoText marks a query the builder cannot write as CZQL text: a
// string value that CZQL text can only hold with an escape sequence (both
// quote characters, or a backslash before a quote or at the end), whose
// reading by the server is not documented (czql-reference.md §9 row 7), or
// a line break or NUL byte, which no CZQL string holds. [Builder.Request]
// sends such values as JSON all the same.
const CodeNoText = "no-text"

// CZQL returns the query in canonical form, as `czql fmt` prints it,
// without a final ';'. String values are quoted as the reference says:
// in single quotes, or in double quotes when the value holds a ' but no
// "; a value that needs an escape, or holds a line break or a NUL byte,
// is refused ([CodeNoText]). The errors are those of [Builder.Query]
// too.
//
// The text is parsed again before it is returned, and must give back the
// tree of Query, so that no value or name can change the structure of
// the query.
func (b *Builder) CZQL() (string, error) {
	q, err := b.Query()
	if err != nil {
		return "", err
	}
	text, _, diags := queryText(q)
	if diags.HasErrors() {
		return "", diags
	}
	return text, nil
}

// queryText prints q and parses the text again; it returns the text and
// its tree, or the reason why q has no faithful text.
func queryText(q *ast.Query) (string, *ast.Query, diag.List) {
	if diags := textless(q); len(diags) > 0 {
		return "", nil, diags
	}
	var sb strings.Builder
	if err := format.Node(&sb, q); err != nil {
		return "", nil, diag.List{diag.Errorf(CodeNoText, diag.Range{}, "the query cannot be written as CZQL text: %v", err)}
	}
	text := sb.String()
	back, diags := parser.ParseQuery(QueryName, []byte(text))
	if diags.HasErrors() || ast.Sprint(back, false) != ast.Sprint(q, false) {
		return "", nil, diag.List{diag.Errorf(CodeNoText, diag.Range{}, "the CZQL text of the query does not read back as the query (a bug of package czql): %s", text)}
	}
	return text, back, nil
}

// textless reports the string values of q that CZQL text cannot hold
// faithfully.
func textless(q *ast.Query) diag.List {
	var diags diag.List
	ast.Inspect(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.StringLit); ok {
			if why := noText(s.Value); why != "" {
				diags = append(diags, diag.Errorf(CodeNoText, diag.Range{},
					"string %q cannot be written in CZQL text: it %s; Builder.Request sends it as JSON", s.Value, why))
			}
		}
		return true
	})
	return diags
}

// noText says why CZQL text cannot hold the string v, or returns "".
func noText(v string) string {
	switch {
	case strings.ContainsAny(v, "\n\x00"):
		return "holds a line break or a NUL byte"
	case strings.Contains(v, "'") && strings.Contains(v, `"`):
		return "holds both quote characters, and CZQL has no documented escape"
	}
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && (i+1 == len(v) || strings.IndexByte(`\'"`, v[i+1]) >= 0) {
			return "holds a backslash before a quote, a backslash or its end, which would read as an escape"
		}
	}
	return ""
}

// Request translates the query into the request of the Clarizen API, as
// [Translate] does, with the options of [Builder.With] and then opts:
// with [WithMetadata] the query is checked and names take their canonical
// spelling, with [WithParams] the bind parameters ([Param]) get their
// values. The query goes from its tree to the request: no text is
// involved, so any string value can be sent, except with
// [WithConditionText], which sends the WHERE clause as text and needs
// one. A query with errors gives a nil request and the diagnostics.
func (b *Builder) Request(opts ...Option) (*translate.Request, diag.List) {
	q, diags := b.tree()
	if diags.HasErrors() {
		return nil, diags
	}
	o := collect(append(slices.Clip(b.options()), opts...))
	if !o.conditionText {
		return translateQuery(q, nil, o)
	}
	text, back, diags := queryText(q)
	if diags.HasErrors() {
		return nil, diags
	}
	return translateQuery(back, []byte(text), o)
}
