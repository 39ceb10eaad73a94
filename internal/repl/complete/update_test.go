package complete

// The -update flag of `go test ./... -update` is defined by the golden
// package; this package has no golden files, but must accept the flag.
import _ "github.com/czql/czql/internal/golden"
