package translate

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// conditionText rebuilds a cZQLCondition by parsing its text and
// substituting its parameters as literals.
func (r *reverser) conditionText(c *api.Condition) ast.Expr {
	e, diags := parseCondition("cZQLCondition", []byte(c.Text))
	if !r.relocate("cZQLCondition text", diags) || isNil(e) {
		return nil
	}
	r.substitute(e, c.Parameters)
	zeroRanges(e)
	return e
}

// relocate adds the diagnostics of parsing an embedded CZQL text, whose
// ranges point into that text rather than into the JSON: they are kept in
// the message and dropped from the range. It reports whether there was no
// error.
func (r *reverser) relocate(what string, diags diag.List) bool {
	for _, d := range diags {
		d.Message = fmt.Sprintf("%s, %s: %s", what, d.Range.Start, d.Message)
		d.Range = diag.Range{}
		d.Related = nil
		d.Suggestions = nil
		r.diags = append(r.diags, d)
	}
	return !diags.HasErrors()
}

// substitute replaces every bind parameter in the tree rooted at n with the
// literal of its value in params (keyed by name, with or without the
// colon, matched as [paramNamesFold] says), reporting parameters without a
// value.
func (r *reverser) substitute(n ast.Node, params map[string]any) {
	values := make(map[string]ast.Literal, len(params))
	for name, v := range params {
		values[strings.TrimPrefix(name, ":")] = r.literal(v)
	}
	ast.ReplaceParams(n, func(p *ast.ParamRef, _ bool) []ast.Literal {
		if v, ok := paramValue(values, p.Name); ok {
			return []ast.Literal{cloneLiteral(v)}
		}
		r.errorf(CodeMissingParam, "no value for bind parameter %q in parameters", ":"+p.Name)
		return nil
	})
}

// paramValue looks name up in values, exactly and then, if
// [paramNamesFold], ignoring case.
func paramValue(values map[string]ast.Literal, name string) (ast.Literal, bool) {
	if v, ok := values[name]; ok || !paramNamesFold {
		return v, ok
	}
	for n, v := range values {
		if strings.EqualFold(n, name) {
			return v, true
		}
	}
	return nil, false
}

var rangeType = reflect.TypeFor[diag.Range]()

// zeroRanges clears every range in the tree rooted at n, so that a tree
// rebuilt from embedded text looks like one built from JSON.
func zeroRanges(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return true
		}
		s := v.Elem()
		for i := range s.NumField() {
			if f := s.Field(i); f.Type() == rangeType && f.CanSet() {
				f.SetZero()
			}
		}
		return true
	})
}

// cloneLiteral returns a shallow copy of l, so that a parameter used twice
// does not share one node.
func cloneLiteral(l ast.Literal) ast.Literal {
	v := reflect.ValueOf(l)
	c := reflect.New(v.Type().Elem())
	c.Elem().Set(v.Elem())
	return c.Interface().(ast.Literal)
}
