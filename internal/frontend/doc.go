// Package frontend is the plumbing shared by the czql and czql-repl front
// ends: exit codes, connecting (CZQL_URL/CZQL_USER/CZQL_PASSWORD/
// CZQL_API_KEY or the embedded sandbox), the organisation's metadata and
// its cache, reporting errors and diagnostics, replacing files safely.
//
// It holds no command: the flags and subcommands of czql are package cli's,
// the shell is package repl's. Both call this package, and this package
// calls the library (the root package czql and its packages).
//
// Errors and notes are written on the standard error the caller gives,
// prefixed "czql: ", as the commands have always written them, so that the
// shell and `czql run` report a failed login or a rejected query in the
// same words.
package frontend
