package validate

import (
	"strconv"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// limitZeroCode is the code of [LimitZero].
const limitZeroCode = "limit-zero"

// LimitZero reports LIMIT 0, which czql refuses rather than send.
var LimitZero = &Rule{
	Name: limitZeroCode,
	Doc: `Reports LIMIT 0, which czql refuses rather than send as paging.limit 0:
in SQL it asks for no rows, but the API does not document paging.limit 0 as
"no rows" (the embedded sandbox, like a missing limit, answers it with the
default page of 100 rows), so the same text would mean two things.
Lint reports it, and translate, run and czql-repl send nothing (with or
without metadata, also when LIMIT is a bind parameter whose value is 0).
Leave LIMIT out for the default page, or write the number of rows wanted.`,
	Severity: diag.Error,
	Run:      runLimitZero,
}

func runLimitZero(p *Pass) {
	q := p.Query
	if q.Limit == nil {
		return
	}
	if n, ok := q.Limit.Value.(*ast.NumberLit); ok && IsZero(n) {
		p.Report(ZeroLimit(n.Rng))
	}
}

// IsZero reports whether l is the number 0 (written 0, 00, …), the value
// of a LIMIT that [LimitZero] reports.
func IsZero(l ast.Literal) bool {
	n, ok := l.(*ast.NumberLit)
	if !ok || n == nil {
		return false
	}
	v, err := strconv.ParseInt(n.Raw, 10, 64)
	return err == nil && v == 0
}

// ZeroLimit returns the diagnostic of [LimitZero] for a LIMIT whose value,
// at r, is 0. The library reports it also for a LIMIT bind parameter whose
// value is 0, which the rule cannot see.
func ZeroLimit(r diag.Range) diag.Diagnostic {
	return diag.Diagnostic{Range: r, Severity: diag.Error, Code: limitZeroCode,
		Message: "LIMIT 0 is refused: the API would not read it as no rows",
		Detail:  "paging.limit 0 is not documented as \"no rows\" (the sandbox returns its default page of 100 rows); leave LIMIT out for the default page, or write the number of rows wanted."}
}
