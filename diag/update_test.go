package diag

// The blank import registers the -update flag that the golden tests of other
// packages use, so that `go test ./... -update` runs in every package.
import _ "github.com/czql/czql/internal/golden"
