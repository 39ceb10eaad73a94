// Package czql is the library facade of the czql toolkit for CZQL, the
// SQL-like query language of the Clarizen REST API v2 (Planview
// AdaptiveWork).
//
// The work is done by the packages below it, leaf first: diag (positions and
// diagnostics), lexer, ast, parser, format (the canonical printer), api (the
// API's wire types) and translate (CZQL to request JSON and back). This
// package will gather them behind Parse, Check, Translate and Format.
package czql
