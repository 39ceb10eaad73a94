// Package cli implements the czql command: its subcommands, their flags,
// output formats and exit codes.
//
// Everything the command touches from the outside is injected through
// [Main]: the arguments, standard input and the two output streams, so
// tests call Main directly with buffers. cmd/czql is a one-line main that
// hands it the process's own.
//
// Subcommands:
//
//	czql lint       check queries against metadata (text, JSON, SARIF, GitHub)
//	czql fmt        format .czql files canonically (like gofmt)
//	czql translate  print the Clarizen API request of each statement as JSON
//	czql run        run queries (on CZQL_URL, or the embedded sandbox) and print the rows
//	czql metadata   fetch, show, locate and clear the cached describeMetadata
//	czql sandbox    serve the embedded Clarizen-compatible API
//	czql parse      print the syntax tree (text, or JSON with --ast)
//	czql version    print version information
//	czql help       show help for a command
//
// Exit codes follow design.md: 0 when done without errors, 1 when errors were
// found (diagnostics, files that need formatting under --check, a query the
// API rejected), 2 when the command could not run (bad usage, unreadable
// file, network failure) and 130 when interrupted.
//
// Diagnostics go to standard error as text: "path:line:col:
// severity[code]: message", the source line and a caret underline, coloured
// only when standard error is a terminal and NO_COLOR is unset. Results go
// to standard output.
package cli
