// Package grammar holds the grammar of record of CZQL: a participle
// struct-tag grammar whose EBNF, printed by [EBNF], is /grammar.ebnf at the
// root of the module.
//
// It exists for two readers only: the test that keeps /grammar.ebnf up to
// date, and the differential test and fuzz target of package parser, which
// check that the hand-written parser accepts exactly the statements this
// grammar accepts and builds the same trees ([ParseQuery],
// [ParseCondition]). Nothing in the shipped binaries imports it, so
// participle's reflection never runs in production; the dependency table
// of the module (deps_test.go) lets no other package import it.
//
// The package adapts czql's lexer to participle (lexer.go), declares the
// concrete syntax tree (grammar.go) and lowers complete trees into package
// ast (lower.go, lower_cond.go) the way the parser does: `IS NULL` becomes
// `= NULL`, `IS NOT NULL` becomes `<> NULL`, `!=` is [ast.Ne]. It checks
// nothing beyond the grammar: the restrictions on sub-queries (no LIMIT in
// a relation sub-select, no nested relation sub-selects, no aggregates),
// which the parser reports as unsupported, are grammatical here, and so
// is any depth of nesting.
package grammar
