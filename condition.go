package czql

import (
	"reflect"
	"slices"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
)

// conditionText is the type of the text of [Condition]. It is unexported,
// so that only an untyped string constant (a literal, or a constant made
// of literals) converts to it: a string variable does not compile, and no
// text computed at run time can reach the parser that way.
type conditionText string

// Binds are the Go values of the `:name` placeholders of a [Condition],
// by name without the colon.
type Binds map[string]any

// Condition parses text, a CZQL condition written as a constant in the
// program, such as
//
//	czql.Condition("DueDate < :due AND (Priority > 3 OR Manager = :me)",
//		czql.Binds{"due": due, "me": userID})
//
// and replaces each placeholder `:name` with the Go value binds gives it,
// converted as [Eq] converts values (a [Param] value keeps a bind
// parameter for [WithParams]; a slice bound to an element of an IN list
// stands for its elements). It is the only way to write conditions as
// text, and it splices nothing: text must be a constant (a string
// variable does not compile), values never become text, and a text that
// does not parse, a placeholder without a value and a value bound to no
// placeholder are errors when the query is built. The values are copied
// when Condition is called.
func Condition(text conditionText, binds Binds) Cond {
	vals := make(map[string]bound, len(binds))
	var flatErr error
	for name, v := range binds {
		flat, err := flatten([]any{v})
		if err != nil && flatErr == nil {
			flatErr = err
		}
		vals[name] = bound{flat, len(flat) != 1 || !isScalar(v)}
	}
	return Cond{func(b *build) ast.Expr {
		if flatErr != nil {
			b.errorf("czql.Condition: %v", flatErr)
		}
		return b.condition(string(text), vals)
	}}
}

// bound is the value bound to a placeholder, flattened.
type bound struct {
	vals []any
	list bool // a slice or an array was bound
}

// isScalar reports whether v is not a slice or an array to flatten.
func isScalar(v any) bool {
	k := reflect.ValueOf(v).Kind()
	return v == nil || k != reflect.Slice && k != reflect.Array
}

// condition parses text and binds its placeholders.
func (b *build) condition(text string, vals map[string]bound) ast.Expr {
	e, diags := parser.ParseCondition("condition", []byte(text))
	if diags.HasErrors() {
		b.errorf("czql.Condition: %q does not parse: %s", text, firstError(diags))
		return &ast.BadExpr{}
	}
	clearRanges(e)
	used := map[string]bool{}
	ast.ReplaceParams(e, func(p *ast.ParamRef, inList bool) []ast.Literal {
		used[p.Name] = true
		v, ok := vals[p.Name]
		switch {
		case !ok:
			b.errorf("czql.Condition: no value for :%s in %q", p.Name, text)
			return []ast.Literal{p}
		case !inList && v.list:
			b.errorf("czql.Condition: a list is bound to :%s, which is not in an IN list", p.Name)
			return []ast.Literal{p}
		case !inList:
			return []ast.Literal{b.value("czql.Condition", v.vals[0])}
		}
		return b.values(v.vals)
	})
	for _, name := range sortedKeys(vals) {
		if !used[name] {
			b.errorf("czql.Condition: %q has no placeholder :%s", text, name)
		}
	}
	return e
}

// values converts the values of an IN list.
func (b *build) values(vs []any) []ast.Literal {
	if len(vs) == 0 {
		b.errorf("czql.Condition: an empty list is bound in an IN list: CZQL has no empty IN list")
	}
	out := make([]ast.Literal, len(vs))
	for i, v := range vs {
		out[i] = b.value("czql.Condition", v)
	}
	return out
}

// rangeType is the type of every position field of the syntax tree.
var rangeType = reflect.TypeFor[diag.Range]()

// clearRanges sets every range of the tree rooted at n to zero: the
// positions of a parsed condition are those of its own text, not of the
// query it becomes part of.
func clearRanges(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		v := reflect.ValueOf(n).Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Type() == rangeType {
				f.Set(reflect.Zero(rangeType))
			}
		}
		return true
	})
}

// firstError returns the message of the first error of diags.
func firstError(diags diag.List) string {
	for _, d := range diags {
		if d.Severity == diag.Error {
			return d.Range.Start.String() + ": " + d.Message
		}
	}
	return ""
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
