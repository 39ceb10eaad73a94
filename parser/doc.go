// Package parser implements the CZQL parser: it turns the tokens of package
// lexer into the syntax tree of package ast, with diagnostics that name the
// clause being parsed, what was expected and the token found.
//
// In the pipeline it sits between the lexer and everything that reads a
// tree (the validator, the translator, the formatter, the REPL):
//
//	text ──lexer.Scan──> tokens ──split at ';'──> statements
//	     ──bracket pre-pass──> concrete tree ──lower──> ast.Query
//
// The grammar of record is a private participle struct-tag grammar
// (grammar.go), whose EBNF [Grammar] returns and /grammar.ebnf records.
// Each statement is parsed in up to three steps:
//
//   - A bracket pre-pass reports an unclosed '(' or an unmatched ')' at the
//     parenthesis itself, and refuses a statement nested more than
//     [MaxNesting] levels deep (parentheses, sub-queries and NOT), so that
//     no input can exhaust the stack.
//   - A hand-written recursive-descent recognizer of the same grammar
//     (fast.go) builds the very concrete tree participle would, without
//     participle's reflection, which costs about five times as much. A
//     differential test and the fuzz target check that both accept the
//     same statements and build the same trees.
//   - A statement the recognizer rejects is parsed by participle, for the
//     partial tree, and participle's error is rephrased from the tokens
//     around the fault (explain.go): the clause, what the token before
//     asked for, and what was found. The fault is the token where the
//     recognizer gave up, which never backtracks; participle, which does,
//     sometimes stops earlier.
//
// Constructs the grammar accepts but CZQL does not allow where they stand,
// such as LIMIT in a relation sub-select, are reported while lowering into
// package ast, with code [CodeUnsupported]; so is common SQL that CZQL
// lacks (BETWEEN, HAVING, JOIN, DISTINCT, functions), from the tokens.
//
// Every statement of a file is parsed on its own, so one bad statement hides
// no other. A statement with lexical errors reports those only. The parser
// always returns a tree: a statement that does not parse yields a partial
// [ast.Query] whose missing parts are nil or [ast.BadExpr].
//
// Positions are those of package diag: byte offsets, 1-based lines and
// 1-based byte columns.
package parser
