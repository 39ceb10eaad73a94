package translate

import (
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// conditionText returns e as a cZQLCondition: its source text, sliced from
// [Options.Source] by its range with comments removed (they never reach the
// server), and the values of the bind parameters it uses. Missing values
// have already been reported by the tree translation.
func (t *translator) conditionText(e ast.Expr) *api.Condition {
	r, src := e.Range(), t.opts.Source
	if !r.IsValid() || r.End.Offset > len(src) {
		t.errorf(CodeNoSource, r, "cannot send the condition as text: its source text is not available")
		return nil
	}
	c := &api.Condition{Kind: api.CZQLCondition, Text: stripComments(string(src[r.Start.Offset:r.End.Offset]))}
	for n := range ast.Preorder(e) {
		p, ok := n.(*ast.ParamRef)
		if !ok {
			continue
		}
		if v, ok := t.lookup(p.Name); ok && !isNil(v) {
			if x, err := literalValue(v); err == nil {
				if c.Parameters == nil {
					c.Parameters = map[string]any{}
				}
				c.Parameters[p.Name] = x
			}
		}
	}
	return c
}

// stripComments replaces every comment in the CZQL text src by one space.
func stripComments(src string) string {
	comments := lexer.Scan(src).Comments
	if len(comments) == 0 {
		return src
	}
	var b strings.Builder
	last := 0
	for _, c := range comments {
		b.WriteString(src[last:c.Start])
		b.WriteByte(' ')
		last = c.Start + len(c.Value)
	}
	b.WriteString(src[last:])
	return strings.TrimSpace(b.String())
}
