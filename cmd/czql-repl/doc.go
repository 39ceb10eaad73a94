// Command czql-repl is the CZQL shell. On a terminal it is an interactive
// editor with schema-aware completion, multi-line statements and history;
// otherwise it runs the statements and meta-commands of standard input
// (czql-repl < queries.czql). It runs against the Clarizen API, or the
// embedded sandbox with the demo organisation when CZQL_URL is not set.
// Run `czql-repl -h` for its flags.
package main
