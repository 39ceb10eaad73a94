// Package repl is czql-repl, the CZQL shell: it runs statements and
// meta-commands (\help, \describe, \more, …) against the Clarizen API or
// the embedded sandbox and prints the results.
//
// A [Session] holds the state of one shell: the connection, the metadata
// statements are validated against, the output format, the pending paged
// result. Front ends feed it complete statements ([Session.ExecStatement])
// and meta-command lines ([Session.ExecMeta]).
//
// There are two front ends, and [Main] picks one:
//
//   - on a terminal, the interactive editor (go-prompt over package tty):
//     completion from package complete, multi-line statements with a
//     continuation prompt (a statement runs when it ends with ';', or on
//     an empty line once it is complete), a persistent history, Ctrl+C
//     clearing the line or cancelling the running statement, Ctrl+D
//     ending the session. The terminal's state is saved at the start and
//     put back on every way out;
//   - otherwise [Session.RunScript], which reads statements separated by
//     ';' and meta-command lines from standard input, so that
//     `czql-repl < queries.czql` works.
//
// Results are written by package render, as `czql run` writes them:
// aligned tables fitted to the display width (values cut with "…"),
// vertical records with \x, or JSON, JSONL and CSV.
package repl
