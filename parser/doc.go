// Package parser implements the CZQL parser: one hand-written
// recursive-descent parser that turns the tokens of package lexer into the
// syntax tree of package ast, for every statement, valid or not.
//
// In the pipeline it sits between the lexer and everything that reads a
// tree (the validator, the translator, the formatter, the REPL, editors):
//
//	text ──lexer.Scanner──> one statement's tokens ──bracket pre-pass──> parser ──> ast.Query
//
// # Statements
//
// A source is lexed one statement at a time (up to ';') into a token
// buffer that the next statement reuses, so the memory the parser needs
// beside the tree follows the largest statement, not the file. Every
// statement is parsed on its own, so one bad statement hides no other.
// A SELECT where a clause should start ends the statement before it (its
// ';' is missing) and starts the next.
//
// # Errors and recovery
//
// Each production reports what it expected, in its own words and naming
// the clause, either at the token that does not fit ("in WHERE clause:
// expected AND or OR, found name "b"") or, when that token ends the part
// being parsed, at the place where the missing piece belongs ("missing
// field after ','" on the comma). Common SQL that CZQL lacks is explained
// where it stands (BETWEEN, HAVING, JOIN, DISTINCT, functions, aliases of
// plain fields, a field compared with a field, `SELECT *`), and so are
// clauses out of order, reserved words used as names ("write @From") and
// names close to a keyword (did you mean).
//
// After an error the parser recovers: it skips to a token where parsing
// can go on — a clause keyword, ',', ')', AND or OR, skipping
// parenthesised parts whole — so that a statement with several
// independent mistakes gets one diagnostic for each. A second error at the
// token of the first is the same mistake seen from another production and
// is not reported. The tree keeps everything that parsed: a part that did
// not becomes nil or an [ast.BadExpr], which keeps the field of an
// unfinished condition (`… AND Priority ORDER BY …`).
//
// Constructs the grammar accepts but CZQL does not allow where they stand,
// such as LIMIT in a relation sub-select, are reported with
// [CodeUnsupported] without failing the parse. A statement with lexical
// errors reports those only (the lexer's codes), and such restrictions
// found before them.
//
// # Limits
//
// A linear bracket pre-pass reports an unmatched ')' and the unclosed '('
// (at the bracket, with its clause), and refuses a statement nested more
// than [MaxNesting] levels deep (parentheses, sub-queries and NOT) before
// it is parsed, which bounds the parser's recursion. At most
// [MaxDiagnostics] syntax diagnostics are reported for a source. Work and
// memory grow linearly with the input (limits_test.go).
//
// # Completion
//
// [Complete] parses the statement around a cursor with a marker token at
// the cursor that no production accepts: each production that looks at it
// notes what it would have accepted there — keywords, operators, or a name
// in a role (entity; field of the query's entity after a dot path;
// relation of the outer entity; value of a field; alias) — together with
// the enclosing clause, query and statement. The text after the cursor is
// parsed too, so a FROM written later gives the scope. [Unfinished]
// reports whether a statement stops before it is complete, for shells
// that continue a statement on Enter.
//
// # The grammar of record
//
// The grammar of record is a participle struct-tag grammar in
// internal/grammar, whose EBNF [Grammar] returns and /grammar.ebnf
// records. Only the EBNF generation and a differential test and fuzz
// target use it: on the reference, benchmark and bad-input corpora and
// random token mutations, participle and this parser accept exactly the
// same statements and build equal trees (differential_test.go).
//
// Positions are those of package diag: byte offsets, 1-based lines and
// 1-based byte columns.
package parser
