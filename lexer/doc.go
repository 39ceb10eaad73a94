// Package lexer is the hand-written lexer of CZQL. The parser reads its
// tokens, and internal/grammar wraps it as participle's lexer.Definition for
// the grammar of record. It also serves czql-repl (where a statement ends,
// completion) and the language server (semantic tokens, which editors
// highlight); czql-repl does not highlight its input line.
//
// Keywords are case-insensitive. Six reserved words (SELECT, FROM, WHERE,
// AND, OR, NOT) are never names; the other keywords are lexed as [Keyword]
// and the grammar accepts them as names where that is unambiguous. Any name
// can be escaped with `@`. Comments (`--` to the end of the line and
// `/* … */`) are trivia: they are kept beside the token stream, never in it.
// Positions use byte offsets and 1-based byte columns, as package diag does.
//
// There are three ways in:
//
//   - [Scanner] returns every token one at a time, comments and invalid
//     input included, for highlighters;
//   - [Scan] lexes a whole source into a [Result]: the parser's tokens, the
//     comments and the diagnostics;
//   - internal/grammar's definition plugs the lexer into participle.
//
// Token values are substrings of the source text: a String token keeps its
// quotes and escapes (see [Unquote]), a Param its colon, an AtIdent its `@`.
// Malformed input never stops the scanner. It reports a diagnostic (codes
// such as [CodeInvalidChar]) and goes on, emitting the closest token, such
// as a String for an unterminated string, so that parsing can go on too.
package lexer
