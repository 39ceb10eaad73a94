package translate

import (
	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
)

// This file gathers every choice the translator makes that the Clarizen
// documentation does not settle: the [INF] rows of czql-reference.md. Each
// one cites the section that discusses it, so that a choice can be changed
// in one place once the service is known to behave otherwise.

// DefaultFunctions spells the aggregate functions in aggregateQuery JSON.
// Count, Sum and Max are named in the sources; Min and Avg are SQL-standard
// guesses, and whether the API says "Avg" or "Average" is unknown
// (czql-reference.md §4.2 "Function names"; §9 row 2: "emit
// Count/Sum/Avg/Min/Max; make the JSON function-name table configurable").
// [Options.Functions] replaces it.
var DefaultFunctions = map[ast.AggFunc]string{
	ast.Count: "Count",
	ast.Sum:   "Sum",
	ast.Avg:   "Avg",
	ast.Min:   "Min",
	ast.Max:   "Max",
}

// functionAliases are further JSON spellings that the reverse direction
// reads as an aggregate function, compared case-insensitively like the
// names of [DefaultFunctions] (czql-reference.md §4.2: "the exact JSON
// spelling of average (Avg vs Average) is unknown").
var functionAliases = map[string]ast.AggFunc{
	"average": ast.Avg,
}

// defaultOrder is the direction sent for an ORDER BY item written without
// ASC or DESC (czql-reference.md §5: "Default when ASC/DESC omitted:
// Ascending [INF]").
const defaultOrder = api.Ascending

// reverseAscending is the direction written back for a JSON "Ascending"
// order. The JSON always states a direction, so the CZQL states it too, as
// in the Timesheet sample's `ORDER BY ReportedDate ASC` (czql-reference.md
// §4.2, second pair).
const reverseAscending = ast.Asc

// nestedQueryType is the `_type` written on the entityQuery of an IN
// sub-select; top-level bodies carry none (czql-reference.md §3.1 "_type
// discriminators" and §9 row 17: "Omit at top level; include on nested query
// objects").
const nestedQueryType = api.TypeEntityQuery

// subqueryField is the field written in the SELECT list of an IN sub-select
// rebuilt from a queryExpression that names no fields. The server ignores
// the selected field (czql-reference.md §1.2 `subquery`: "selected field is
// ignored by the server [INF]"), so it is not sent, and the reference's own
// rendering selects Name (§3.3 (f)).
const subqueryField = "Name"

// nullValue is the JSON value of NULL, so `F = NULL` becomes Equal with
// {"value": null} and `F <> NULL` NotEqual with null (czql-reference.md §3.2
// rows `F = NULL / F IS NULL` and `F <> NULL / F IS NOT NULL`, both [INF]).
var nullValue any

// dateValue is the JSON value of an unquoted date or date-time: its text as
// written, a JSON string such as "2014-01-01" (czql-reference.md §3.2 "Value
// conversion": "unquoted date 2014-01-01 → JSON string"; §2.6 "in JSON a
// date is a string yyyy-MM-dd"). The reverse direction cannot tell a date
// string from any other string and writes a quoted string, which the API
// receives identically.
func dateValue(d *ast.DateLit) any { return d.Raw }

// Bind parameters. When a value is given (-p name=value) it is substituted
// into the compare tree; with [Options.ConditionText] the WHERE is sent as a
// cZQLCondition {"text", "parameters"} instead (czql-reference.md §3.2 row
// `F = :p`, §3.3 (d), §2.10). The reference suggests falling back to a
// cZQLCondition when no value is given; the translator instead reports the
// missing value, because the server needs it either way and the caller
// chooses the cZQLCondition form explicitly. Parameter values keep the
// literal's JSON type: `-p d=2014-01-01` sends "2014-01-01" (§9 row 21).

// paramNamesFold makes bind parameter names match their -p values
// case-insensitively when no value has the exact spelling, as CZQL matches
// every other name (czql-reference.md §2.1: keywords, entity and field
// names are case-insensitive; §2.10 says nothing about parameter names).
const paramNamesFold = true

// lossyOperator tells how an operator with no CZQL spelling (BeginsWith,
// EndsWith, Contains, DoesNotContain) is written back as LIKE: the pattern
// around the value and whether the LIKE is negated (czql-reference.md §3.2
// last row: "no CZQL spelling known … LIKE 'x%' is the CZQL way"). The
// rewrite is reported as a warning, or as an error when the value holds a
// LIKE wildcard (% or _), which the pattern could not keep literal.
var lossyOperators = map[api.Operator]lossyOperator{
	api.BeginsWith:     {prefix: "", suffix: "%"},
	api.EndsWith:       {prefix: "%", suffix: ""},
	api.Contains:       {prefix: "%", suffix: "%"},
	api.DoesNotContain: {prefix: "%", suffix: "%", not: true},
}

type lossyOperator struct {
	prefix, suffix string
	not            bool
}

// likeWildcards are the characters with a meaning in a LIKE pattern
// (czql-reference.md §3.2 row `F LIKE 'pat'`: "pattern passed verbatim, %
// wildcard"; `_` is assumed to be the SQL single-character wildcard).
const likeWildcards = "%_"

// Sub-selects. An IN sub-select takes only SELECT, FROM and WHERE (the
// `subquery` production of czql-reference.md §1.2); its SELECT list is not
// sent. A relation sub-select takes SELECT, FROM, WHERE and ORDER BY, which
// the relation JSON has, but no LIMIT, OFFSET or GROUP BY (§4.3, §9 row 22).
// Nested relation sub-selects, which the parser rejects (§9 row 22), are
// still translated into nested `relations` when a hand-built tree has them,
// since the API accepts those; the reverse direction reports them, because
// CZQL text cannot hold them. Aggregates and relation sub-selects do not
// mix (§4.2 "relation sub-selects are invalid in aggregate queries").
