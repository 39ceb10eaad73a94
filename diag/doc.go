// Package diag holds the positions, ranges and diagnostics shared by every
// stage of the czql pipeline: the lexer, the parser, the validator, the
// translator and the command-line tools all report problems as [Diagnostic]
// values so that a query gets the same codes and positions everywhere.
//
// Positions are byte based: [Pos.Offset] is the 0-based byte offset into the
// source, [Pos.Line] the 1-based line and [Pos.Col] the 1-based byte column,
// as in go/token. Renderers convert byte columns to display columns (tabs,
// multi-byte runes) and editors convert them to UTF-16 at their own edge.
//
// A [Range] is half open: it starts at Start and ends just before End.
package diag
