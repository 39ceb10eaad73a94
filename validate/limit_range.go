package validate

import (
	"strconv"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// maxLimit is the largest page size seen working (czql-reference.md §5).
const maxLimit = 5000

// LimitRange reports LIMIT and OFFSET values that cannot be sent.
var LimitRange = &Rule{
	Name: "limit-range",
	Doc: `Reports a LIMIT or OFFSET that is not a non-negative integer (a
negative or decimal number, a string), and warns about a LIMIT above 5000,
the largest page size seen working (czql-reference.md §5, §9 row 11). LIMIT
and OFFSET inside a relation sub-select are errors too: the relation JSON has
no paging (§9 row 22).`,
	Severity: diag.Error,
	Run:      runLimitRange,
}

func runLimitRange(p *Pass) {
	rel := relationQueries(p.Query)
	for _, q := range queries(p.Query) {
		if q.Limit != nil {
			checkPaging(p, "LIMIT", q.Limit.Keyword, q.Limit.Value, rel[q])
		}
		if q.Offset != nil {
			checkPaging(p, "OFFSET", q.Offset.Keyword, q.Offset.Value, rel[q])
		}
	}
}

// checkPaging checks the value of one LIMIT or OFFSET clause.
func checkPaging(p *Pass, kw string, kwRng diag.Range, v ast.Literal, inRelation bool) {
	if inRelation {
		p.Report(diag.Diagnostic{Range: kwRng,
			Message: kw + " is not allowed in a relation sub-select",
			Detail:  "The relation JSON has no paging; relation results come whole."})
		return
	}
	switch v := v.(type) {
	case *ast.ParamRef, nil:
	case *ast.NumberLit:
		checkPagingNumber(p, kw, v)
	default:
		p.Report(diag.Diagnostic{Range: v.Range(),
			Message: kw + " must be a non-negative integer, not " + ast.Describe(v)})
	}
}

// checkPagingNumber checks a numeric LIMIT or OFFSET.
func checkPagingNumber(p *Pass, kw string, v *ast.NumberLit) {
	n, err := strconv.ParseInt(v.Raw, 10, 64)
	switch {
	case strings.HasPrefix(v.Raw, "-"):
		p.Report(diag.Diagnostic{Range: v.Rng, Message: kw + " must not be negative"})
	case err != nil && strings.ContainsAny(v.Raw, ".eE"):
		p.Report(diag.Diagnostic{Range: v.Rng, Message: kw + " must be an integer, not " + v.Raw})
	case err != nil:
		p.Report(diag.Diagnostic{Range: v.Rng, Message: kw + " " + v.Raw + " is out of range"})
	case kw == "LIMIT" && n > maxLimit:
		p.Report(diag.Diagnostic{Range: v.Rng, Severity: diag.Warning,
			Message: "LIMIT " + v.Raw + " is above 5000, the largest page size known to work",
			Detail:  "Use a smaller LIMIT and follow paging.hasMore to read further pages."})
	}
}
