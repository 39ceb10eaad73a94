package validate

import (
	"github.com/czql/czql/diag"
)

// NoLimit notes a top-level query without LIMIT.
var NoLimit = &Rule{
	Name: "no-limit",
	Doc: `Notes a top-level query without LIMIT: the server then returns one
page of at most 100 rows (czql-reference.md §5), which is easy to mistake
for the whole result. Add a LIMIT, or page through the result by following
paging.hasMore.`,
	Severity: diag.Info,
	Run:      runNoLimit,
}

func runNoLimit(p *Pass) {
	q := p.Query
	if q.Limit != nil || q.Select == nil || !q.Select.Keyword.IsValid() {
		return
	}
	p.Report(diag.Diagnostic{Range: q.Select.Keyword,
		Message: "query has no LIMIT: the server returns at most 100 rows",
		Detail:  "Without LIMIT the API returns the first page of 100 rows; add LIMIT (up to 5000) or follow paging.hasMore to read the next pages."})
}
