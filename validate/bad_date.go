package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// BadDate reports a date or date-time that does not exist.
var BadDate = &Rule{
	Name: "bad-date",
	Doc: `Reports an impossible date or date-time literal: 2024-02-30,
2024-13-01, 2024-01-01T25:00:00 and the like. Unquoted dates are checked
wherever they appear; quoted strings are checked when they are compared with
a Date or DateTime field and look like a date (four digits and a dash).`,
	Severity: diag.Error,
	Run:      runBadDate,
}

func runBadDate(p *Pass) {
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		f := p.fieldOf(predicateField(e))
		temporal := f != nil && f.Type.IsTemporal()
		for _, l := range predicateLiterals(e) {
			switch l := l.(type) {
			case *ast.DateLit:
				reportDate(p, l.Raw, l.Rng)
			case *ast.StringLit:
				if temporal && looksLikeDate(l.Value) {
					reportDate(p, l.Value, l.Rng)
				}
			}
		}
	})
}

// reportDate reports s at r when it is not a valid date.
func reportDate(p *Pass, s string, r diag.Range) {
	if why := checkDate(s); why != "" {
		p.Report(diag.Diagnostic{Range: r,
			Message: "invalid date " + quote(s) + ": " + why,
			Detail:  "Dates are written yyyy-MM-dd, date-times yyyy-MM-ddTHH:mm:ss with an optional fraction and Z or ±hh:mm."})
	}
}

// predicateLiterals returns the literals on the right of a predicate.
func predicateLiterals(e ast.Expr) []ast.Literal {
	switch e := e.(type) {
	case *ast.CompareExpr:
		return []ast.Literal{e.Y}
	case *ast.InExpr:
		return e.List
	case *ast.LikeExpr:
		return []ast.Literal{e.Pattern}
	}
	return nil
}
