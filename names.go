package czql

import (
	"fmt"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// nameIdent reads name as one CZQL name: a letter or '_', then letters,
// digits and '_', with an optional leading `@` (the escape of a name that
// is a keyword, which the printer adds where it is needed). Anything else
// is an error.
func nameIdent(name string) (*ast.Ident, error) {
	bare := strings.TrimPrefix(name, "@")
	if !lexer.IsName(bare) {
		return nil, fmt.Errorf("%q is not a name", name)
	}
	return &ast.Ident{Name: bare}, nil
}

// fieldRef reads path as a field: names separated by dots, such as
// "Manager.Name", each with an optional leading `@`. Spaces, quotes or
// any other character make it an error.
func fieldRef(path string) (*ast.FieldRef, error) {
	parts := strings.Split(path, ".")
	f := &ast.FieldRef{Segments: make([]*ast.Ident, len(parts))}
	for i, part := range parts {
		id, err := nameIdent(part)
		if err != nil {
			return nil, fmt.Errorf("%q is not a field name or a dot path of names", path)
		}
		f.Segments[i] = id
	}
	return f, nil
}
