// Package translate turns parsed CZQL queries into the Clarizen REST API v2
// requests that run them, and API requests back into CZQL.
//
// It sits after the parser (and the validator) in the czql pipeline:
//
//	ast.Query ──Query──> Request{Path, Body} ──(encoding/json)──> bulk item
//	JSON      ──FromJSON / FromEntityQuery / FromAggregateQuery──> ast.Query
//
// [Query] produces an entityQuery ([api.PathEntityQuery]) or, when the
// SELECT list has an aggregate or the query has a GROUP BY, an
// aggregateQuery ([api.PathAggregateQuery]), following czql-reference.md
// §3–§5: SELECT fields become `fields`, relation sub-selects `relations`,
// WHERE a tree of and/or/not/compare conditions (or, with
// [Options.ConditionText], a cZQLCondition carrying the condition's text),
// ORDER BY `orders`, LIMIT and OFFSET `paging`. Bind parameters take their
// values from [Options.Params], typically read by [ParseParams] from
// `-p name=value` flags.
//
// The reverse direction builds ast nodes with zero ranges, adding
// parentheses where precedence needs them; a formatter prints them. The
// translation is a fixed point: CZQL → JSON → CZQL → JSON gives the same
// JSON both times.
//
// Both directions report what they cannot translate as diagnostics on the
// node responsible (codes such as [CodeMissingParam], [CodeUnsupported],
// [CodeLossy]) and never panic. Every choice the documentation leaves open
// (function names, default order, `_type`, null, dates, parameter handling)
// is made in one file, assumptions.go, with the reference section it rests
// on.
package translate
