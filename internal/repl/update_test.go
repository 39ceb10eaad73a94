package repl

// The -update flag of `go test ./... -update` is defined by the golden
// package, which the table tests use.
import _ "github.com/czql/czql/internal/golden"
