package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// UnverifiedFunction reports the aggregate functions no source shows the
// server accepting.
var UnverifiedFunction = &Rule{
	Name: "unverified-function",
	Doc: `Reports AVG and MIN: the sources show Count, Sum and Max in
aggregate queries, while Avg and Min are assumed by analogy with SQL and
the JSON spelling of average is not known (czql-reference.md §9 row 2).
This is a warning so that a query using them is tried knowingly.`,
	Severity: diag.Warning,
	Run:      runUnverifiedFunction,
}

func runUnverifiedFunction(p *Pass) {
	ast.Inspect(p.Query, func(n ast.Node) bool {
		if a, ok := n.(*ast.AggregateExpr); ok && a != nil && (a.Func == ast.Avg || a.Func == ast.Min) {
			p.Report(diag.Diagnostic{Range: a.FuncRng,
				Message: "aggregate function " + string(a.Func) + " is not verified",
				Detail:  "The API documentation shows Count, Sum and Max; " + string(a.Func) + " is assumed by analogy with SQL and may be rejected."})
		}
		return true
	})
}
