// Package lexer is the hand-written lexer of CZQL. It implements
// participle's lexer.Definition, so the parser's grammar runs over it, and it
// also serves the REPL for highlighting and completion.
//
// Keywords are case-insensitive. Six reserved words (SELECT, FROM, WHERE,
// AND, OR, NOT) are never names; the other keywords are lexed as [Keyword]
// and the grammar accepts them as names where that is unambiguous. Any name
// can be escaped with `@`. Comments (`--` to the end of the line and
// `/* … */`) are trivia: they are kept beside the token stream, never in it.
// Positions use byte offsets and 1-based byte columns, as package diag does.
package lexer
