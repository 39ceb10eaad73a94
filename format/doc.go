// Package format implements the canonical printer of CZQL, as go/format
// does for Go: [Source] parses a .czql file and prints it back in canonical
// form, [File], [Query] and [Node] print syntax trees from package ast.
//
// It sits after the parser in the pipeline: czql fmt and the editor
// integration call [Source]; the translator's reverse direction (JSON
// request to CZQL text), the REPL and the query builder call [Query],
// [Node] and [Literal].
//
// # Guarantees
//
// Formatting is a function of the tree and its comments only, never of the
// original spacing. For every file that parses without errors:
//
//   - the output parses to the same tree, ignoring ranges: parentheses are
//     printed exactly where the tree has an [ast.ParenExpr];
//   - formatting the output again gives the same output;
//   - every comment is kept, in order, next to the token it preceded.
//
// # Tokens
//
// Keywords are upper case: SELECT, FROM, WHERE, GROUP BY, ORDER BY, LIMIT,
// OFFSET, AND, OR, NOT, IN, LIKE, AS, ASC, DESC, TRUE, FALSE, NULL and the
// aggregate functions. Names keep the user's spelling. A name is escaped
// with `@` only where the lexer needs it: the first segment of a field path
// when it is any keyword (`@Order`, `@Group.By`), as the Clarizen
// documentation recommends; an entity, relation, alias or later path
// segment only when it is a reserved word (`FROM @From`, `Parent.@Not`).
//
// Operators have one space on each side and not equal is always `<>`.
// `F IS NULL` and `F IS NOT NULL` print as `F = NULL` and `F <> NULL`, the
// parser's lowering. Lists use ", ", aggregates print as `COUNT(Name) AS
// Cnt`, IN lists as `State IN ('a', 'b')`, sub-queries as `(SELECT …)`. An
// ORDER BY item keeps ASC only when it was written.
//
// Strings use single quotes; double quotes when the value holds a ' and
// no "; single quotes with ' doubled when it holds both (see [Quote]).
// Numbers and dates are printed as written, parameters as `:name`.
//
// # Layout
//
// A query that fits in 80 columns and holds no comment is printed on one
// line. Otherwise each clause starts a line: SELECT, FROM, WHERE, GROUP BY,
// ORDER BY, and LIMIT with OFFSET on the same line. The final ';' of a
// statement does not count towards the 80 columns. Each clause again stays
// on one line when it fits and holds no comment; otherwise:
//
//   - SELECT, GROUP BY and ORDER BY put each item on its own line, indented
//     by 4 spaces, each but the last followed by a comma.
//   - WHERE breaks before each operator of the top-level AND or OR chain,
//     which starts a line indented by 2 spaces; an operand that is itself
//     too long breaks its own chain 2 spaces further in. A parenthesised
//     condition that does not fit breaks inside its parentheses by the
//     same rule.
//   - A sub-query (IN or relation) or IN list that does not fit becomes a
//     block: `(` ends the line, the sub-query (itself laid out by these
//     rules) or the list items, one per line, follow indented by 4 spaces
//     more than the line of `(`, and `)` starts a line of its own, indented
//     like the line of `(`.
//
// For example:
//
//	SELECT
//	    Name,
//	    TrackStatus.Name,
//	    (
//	        SELECT Title, Name, DueDate, State
//	        FROM RelatedRequests
//	        WHERE State = 'Active'
//	        ORDER BY DueDate DESC
//	    )
//	FROM Project
//	WHERE State = 'Active'
//	  OR State = 'Draft'
//	    AND Manager = '/User/9bcd7df3-4f6b-4272-944c-219b65b7862a'
//	    AND DueDate <> NULL
//	  OR Project IN (
//	      SELECT Name
//	      FROM Project
//	      WHERE Program IN (SELECT Name FROM Program WHERE Name LIKE 'S%')
//	  )
//	ORDER BY Name
//	LIMIT 10 OFFSET 20
//
// # Files and comments
//
// In a file every statement ends with ';', even a lone last statement
// whose ';' was left out, and statements are separated by one blank line.
// The output ends with one newline; a file with neither statements nor
// comments prints as nothing.
//
// Comments are interleaved by source offset, as go/printer does: before
// each token, every comment that started before it in the source is
// written. A comment that followed the previous token on the same source
// line stays at the end of that line; any other comment gets a line of its
// own, indented like the token after it. A `--` comment always ends its
// line: if code followed it on the line it was printed on, that code goes
// on to a new line indented 4 spaces beyond the line it continues. A
// comment inside a query forces the multi-line layout of the query and of
// the clause and expressions it sits in. Comments that end up at a clause
// boundary, the common case, stay where they were.
//
// Between statements and around comments outside statements, one blank
// line of the source is kept, and one is added after a statement when the
// source has none before the next one. Blank lines inside a statement are
// dropped. Block comments are kept verbatim except that CRLF line endings
// become LF; line comments lose trailing blanks.
//
// A comma has no position in the tree, so a comment written just before a
// comma moves after it.
package format
