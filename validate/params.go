package validate

import (
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// CheckParams checks the values given to the bind parameters of q (by
// name, without the colon) against the fields they are compared with in
// md, as [TypeMismatch] checks a literal written in their place: a string
// for an Integer field, a number for a Date field, a LIKE pattern that is
// not a string, and so on. Its diagnostics name the parameter, its value
// and the field's type, at the parameter in the text, with the code of
// TypeMismatch. Parameters without a value are left to the translator, as
// are those of LIMIT and OFFSET. md nil or no params: no diagnostics.
func CheckParams(q *ast.Query, md *metadata.Metadata, params map[string]ast.Literal) diag.List {
	if q == nil || md == nil || len(params) == 0 {
		return nil
	}
	var diags diag.List
	p := &Pass{Query: q, Meta: md, Info: resolve(q, md), rule: TypeMismatch, diags: &diags}
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		f := p.fieldOf(predicateField(e))
		if f == nil {
			return
		}
		switch e := e.(type) {
		case *ast.CompareExpr:
			checkParamValue(p, f, e.Y, params, false)
		case *ast.InExpr:
			for _, l := range e.List {
				checkParamValue(p, f, l, params, false)
			}
		case *ast.LikeExpr:
			checkParamValue(p, f, e.Pattern, params, true)
		}
	})
	diags.Sort()
	return diags
}

// checkParamValue reports the value of the parameter l (when l is one and
// has a value) that field f does not take; pattern marks a LIKE pattern,
// which must be a string.
func checkParamValue(p *Pass, f *metadata.Field, l ast.Literal, params map[string]ast.Literal, pattern bool) {
	ref, ok := l.(*ast.ParamRef)
	if !ok || ref == nil {
		return
	}
	v, ok := params[ref.Name]
	if !ok || v == nil {
		return
	}
	if _, param := v.(*ast.ParamRef); param {
		return
	}
	name := quote(":" + ref.Name)
	if pattern {
		if _, str := v.(*ast.StringLit); !str {
			p.Report(diag.Diagnostic{Range: ref.Rng,
				Message: "bind parameter " + name + " is " + ast.Describe(v) + " (" + valueText(v) + "), but the pattern of LIKE must be a string"})
		}
		return
	}
	if literalFits(f.Type, v) {
		return
	}
	p.Report(diag.Diagnostic{Range: ref.Rng,
		Message: "bind parameter " + name + " is " + ast.Describe(v) + " (" + valueText(v) + "), but " + string(f.Type) + " field " + quote(f.Name) + " takes " + expectedKind(f.Type),
		Detail:  "Give the parameter a value of the field's type: " + expectedKind(f.Type) + ". A value given as text (-p " + ref.Name + "=VALUE) is read as a CZQL literal (42, 2024-05-01, 'text', TRUE, NULL), a bare word as a string."})
}

// valueText writes a parameter's value as CZQL text for messages.
func valueText(l ast.Literal) string {
	switch l := l.(type) {
	case *ast.StringLit:
		return "'" + strings.ReplaceAll(l.Value, "'", "''") + "'"
	case *ast.NumberLit:
		return l.Raw
	case *ast.DateLit:
		return l.Raw
	case *ast.BoolLit:
		if l.Value {
			return "TRUE"
		}
		return "FALSE"
	case *ast.NullLit:
		return "NULL"
	}
	return "?"
}
