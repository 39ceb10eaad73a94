package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// TypeMismatch reports an operator or a literal that does not suit the
// type of the field it applies to.
var TypeMismatch = &Rule{
	Name: "type-mismatch",
	Doc: `Reports a condition whose operator is not valid for the field's type,
or whose literal is of the wrong kind, following the operator table of
czql-reference.md §6.6: LIKE on a number, < on a Boolean, a number compared
with a String field, IN (SELECT …) on a field that is not a reference, an
ordering comparison with NULL, and so on. Ordering comparisons of strings
(< > <= >=) compare lexically and get a warning. Bind parameters fit any
type in the text; the values given to them (czql translate and run -p NAME=VALUE,
the library's parameters) are checked the same way when there is metadata,
and the diagnostic names the parameter and the field's type.`,
	Severity: diag.Error,
	Run:      runTypeMismatch,
}

func runTypeMismatch(p *Pass) {
	p.wherePredicates(func(_ *ast.Query, e ast.Expr) {
		f := p.fieldOf(predicateField(e))
		if f == nil {
			return
		}
		switch e := e.(type) {
		case *ast.CompareExpr:
			checkCompare(p, f, e)
		case *ast.LikeExpr:
			if checkOperator(p, f, opLike, likeName(e.Not), e.OpRng) {
				checkPattern(p, e)
			}
		case *ast.InExpr:
			checkIn(p, f, e)
		}
	})
}

// checkCompare checks `field op literal`.
func checkCompare(p *Pass, f *metadata.Field, e *ast.CompareExpr) {
	kind := opEq
	if e.Op != ast.Eq && e.Op != ast.Ne {
		kind = opOrder
	}
	if _, null := e.Y.(*ast.NullLit); null {
		if kind == opOrder {
			p.Report(diag.Diagnostic{Range: e.OpRng,
				Message: "operator " + quote(e.Op.String()) + " cannot compare with NULL",
				Detail:  "Test for a missing value with = NULL or <> NULL (IS NULL, IS NOT NULL)."})
		}
		return
	}
	if checkOperator(p, f, kind, e.Op.String(), e.OpRng) {
		checkLiteral(p, f, e.Y)
	}
}

// checkIn checks `field [NOT] IN (…)`.
func checkIn(p *Pass, f *metadata.Field, e *ast.InExpr) {
	name := "IN"
	if e.Not {
		name = "NOT IN"
	}
	if e.Query != nil {
		if f.Type != metadata.EntityRef {
			p.Report(diag.Diagnostic{Range: e.OpRng,
				Message: name + " (SELECT …) needs a reference field, but " + quote(f.Name) + " is " + article(f.Type) + " field",
				Detail:  "A sub-query returns entities, so only a field of type Entity can be tested against it."})
		}
		return
	}
	if !checkOperator(p, f, opInList, name, e.OpRng) {
		return
	}
	for _, l := range e.List {
		checkLiteral(p, f, l)
	}
}

// checkOperator reports an operator §6.6 does not allow on f's type and
// returns whether the literal is worth checking too.
func checkOperator(p *Pass, f *metadata.Field, kind opKind, op string, r diag.Range) bool {
	switch operatorVerdict(f.Type, kind) {
	case opBad:
		p.Report(diag.Diagnostic{Range: r,
			Message: "operator " + quote(op) + " cannot be used on " + string(f.Type) + " field " + quote(f.Name),
			Detail:  "The operators of " + string(f.Type) + " fields are " + operatorsOf(f.Type) + "."})
		return false
	case opWarn:
		p.Report(diag.Diagnostic{Range: r, Severity: diag.Warning,
			Message: "operator " + quote(op) + " compares String field " + quote(f.Name) + " lexically",
			Detail:  "Whether the server orders strings this way is not documented."})
	}
	return true
}

// checkLiteral reports a literal of a kind f's type does not take. Bad
// dates are left to bad-date.
func checkLiteral(p *Pass, f *metadata.Field, l ast.Literal) {
	if l == nil || literalFits(f.Type, l) {
		return
	}
	p.Report(diag.Diagnostic{Range: l.Range(),
		Message: ast.Describe(l) + " cannot be compared with " + string(f.Type) + " field " + quote(f.Name),
		Detail:  articleStart(f.Type) + " field takes " + expectedKind(f.Type) + "."})
}

// checkPattern reports a LIKE pattern that is not a string.
func checkPattern(p *Pass, e *ast.LikeExpr) {
	switch e.Pattern.(type) {
	case *ast.StringLit, *ast.ParamRef, nil:
		return
	}
	p.Report(diag.Diagnostic{Range: e.Pattern.Range(),
		Message: "the pattern of LIKE must be a quoted string, not " + ast.Describe(e.Pattern)})
}

// likeName returns "LIKE" or "NOT LIKE".
func likeName(not bool) string {
	if not {
		return "NOT LIKE"
	}
	return "LIKE"
}

// operatorsOf lists the operators §6.6 allows on t.
func operatorsOf(t metadata.FieldType) string {
	switch {
	case t == metadata.String:
		return "= <> LIKE IN NOT IN"
	case t.IsNumeric():
		return "= <> < > <= >= IN"
	case t == metadata.Boolean:
		return "= and <>"
	case t.IsTemporal(), t == metadata.Duration, t == metadata.Money:
		return "= <> < > <= >="
	case t == metadata.EntityRef:
		return "= <> IN NOT IN and IN (SELECT …)"
	case t == metadata.MultiPickList:
		return "= <> LIKE"
	}
	return "none: the field cannot be used in a condition"
}
