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
// The work is done by the packages below it, leaf first: diag (positions
// and diagnostics), lexer, ast, parser, format (the canonical printer),
// metadata (describeMetadata), validate (the checks), api (the wire types)
// and translate (CZQL to request JSON and back). Lint applies the
// `-- czql:ignore CODE` comments of the text and the rule severities of a
// project configuration (.czql.yaml, see [LoadConfig]); it never looks for
// files on its own.
package czql
