package czql

import (
	"fmt"
	"reflect"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// CodeBuild marks a misuse of the query builder found when the query is
// built: a name that is not a CZQL name or path, a Go value CZQL has no
// literal for, a query without FROM, a sub-query with clauses it cannot
// have.
const CodeBuild = "build"

// build collects the problems of one building of a query.
type build struct {
	errs diag.List
}

// errorf records a problem.
func (b *build) errorf(format string, args ...any) {
	b.errs = append(b.errs, diag.Errorf(CodeBuild, diag.Range{}, format, args...))
}

// field reads a field path for the call fn; a bad one is reported and
// stands in as the name "_", so that building goes on.
func (b *build) field(fn, path string) *ast.FieldRef {
	f, err := fieldRef(path)
	if err != nil {
		b.errorf("%s: %v", fn, err)
		return &ast.FieldRef{Segments: []*ast.Ident{{Name: "_"}}}
	}
	return f
}

// ident reads one name (entity, relation, alias) for the call fn.
func (b *build) ident(fn, what, name string) *ast.Ident {
	id, err := nameIdent(name)
	if err != nil {
		b.errorf("%s: %s %v", fn, what, err)
		return &ast.Ident{Name: "_"}
	}
	return id
}

// value converts a Go value for the call fn.
func (b *build) value(fn string, v any) ast.Literal {
	lit, err := goLiteral(v)
	if err != nil {
		b.errorf("%s: %v", fn, err)
		return &ast.NullLit{}
	}
	return lit
}

// flatten returns vs with every slice or array (but a string) replaced by
// its elements, copied. A []byte is refused: it is not clear whether it
// stands for numbers or for text.
func flatten(vs []any) ([]any, error) {
	out := make([]any, 0, len(vs))
	for _, v := range vs {
		rv := reflect.ValueOf(v)
		if v == nil || rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
			out = append(out, v)
			continue
		}
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return nil, fmt.Errorf("a %T is not a list of values; convert it with string(…) for text", v)
		}
		for i := range rv.Len() {
			out = append(out, rv.Index(i).Interface())
		}
	}
	return out, nil
}
