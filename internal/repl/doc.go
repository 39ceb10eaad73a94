// Package repl is czql-repl, the CZQL shell: it runs statements and
// meta-commands (\help, \describe, \more, …) against the Clarizen API or
// the embedded sandbox and prints the results as `czql run` does.
//
// A [Session] holds the state of one shell: the connection, the output
// format, the pending paged result. Front ends feed it complete
// statements ([Session.ExecStatement]) and meta-command lines
// ([Session.ExecMeta]); [Session.RunScript] is the non-interactive front
// end that reads statements separated by ';' from a reader, and [Main]
// is the czql-repl command.
package repl
