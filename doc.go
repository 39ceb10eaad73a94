// Package czql is the library of the czql toolkit for CZQL, the SQL-like
// query language of the Clarizen REST API v2 (Planview AdaptiveWork): one
// pipeline behind a small API, which the czql command, the czql-repl shell
// and Go programs all use, so that a query gets the same diagnostics,
// suppressions, configuration, canonical names and parameters everywhere.
//
//	file, diags := czql.ParseFile("report.czql", src)   // syntax tree, partial on errors
//	diags = czql.Lint("report.czql", src, czql.WithMetadata(md), czql.WithConfig(cfg))
//	req, diags := czql.Translate(query, czql.WithMetadata(md), czql.WithParams(params))
//	body, _ := json.Marshal(req.Body)                   // what `czql translate --body` prints
//
// The query builder builds queries from Go names and values instead of
// text, so that no value can change a query's structure:
//
//	q := czql.Select("Name").From("Task").Where(czql.Eq("State", state), czql.Lt("DueDate", due))
//	text, err := q.CZQL()                                // canonical text, read back to check it
//	req, diags := q.Request(czql.WithMetadata(md))       // the request, from the tree
//
// and `czql gen` writes typed handles of an organisation's fields for it
// ([Handles], [StringField], [TimeField], [RefField], …), so that a wrong
// field, value type or pick-list value does not compile.
//
// The work is done by the packages below it, leaf first: diag (positions
// and diagnostics), lexer, ast, parser, format (the canonical printer),
// metadata (describeMetadata), validate (the checks), api (the wire types)
// and translate (CZQL to request JSON and back). Lint applies the
// `-- czql:ignore CODE` comments of the text and the rule severities of a
// project configuration (.czql.yaml, see [LoadConfig]); it never looks for
// files on its own.
package czql
