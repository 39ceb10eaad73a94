// Command czql-repl is the CZQL shell: it runs statements and
// meta-commands against the Clarizen API, or the embedded sandbox with
// the demo organisation when CZQL_URL is not set.
package main

import (
	"os"

	"github.com/czql/czql/internal/repl"
)

func main() { os.Exit(repl.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
