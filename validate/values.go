package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/metadata"
)

// valueUse is a string literal compared for equality (=, <>, IN list) with
// a resolved field.
type valueUse struct {
	fi    *FieldInfo
	field *metadata.Field
	lit   *ast.StringLit
}

// valueUses returns the string literals of every query of the pass that
// are compared for equality with a resolved field, in source order.
func (p *Pass) valueUses() []valueUse {
	var out []valueUse
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		ref := predicateField(e)
		fi := p.Info.Fields[ref]
		if fi == nil || fi.Status != PathOK || fi.Field == nil {
			return
		}
		add := func(l ast.Literal) {
			if s, ok := l.(*ast.StringLit); ok && s != nil {
				out = append(out, valueUse{fi: fi, field: fi.Field, lit: s})
			}
		}
		switch e := e.(type) {
		case *ast.CompareExpr:
			if e.Op == ast.Eq || e.Op == ast.Ne {
				add(e.Y)
			}
		case *ast.InExpr:
			for _, l := range e.List {
				add(l)
			}
		}
	})
	return out
}

// entityID splits an id '/Type/local' (or '/Organization/o/Type/local')
// into its type and local id; ok is false when s does not start with '/'.
func entityID(s string) (typ, local string, ok bool) {
	if !strings.HasPrefix(s, "/") {
		return "", "", false
	}
	parts := strings.SplitN(s[1:], "/", 2)
	if len(parts) == 2 && strings.EqualFold(parts[0], "Organization") {
		if rest := strings.SplitN(parts[1], "/", 2); len(rest) == 2 {
			parts = strings.SplitN(rest[1], "/", 2)
		}
	}
	if len(parts) < 2 {
		return parts[0], "", true
	}
	return parts[0], parts[1], true
}

// targetOK reports whether entity type typ may be the value of f: one of
// its referencedEntities or a subtype of one.
func targetOK(md *metadata.Metadata, f *metadata.Field, typ string) bool {
	e := md.Entity(typ)
	for _, ref := range f.ReferencedEntities {
		if strings.EqualFold(ref, typ) || (e != nil && e.IsA(ref)) {
			return true
		}
	}
	return false
}
