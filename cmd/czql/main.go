// Command czql is the command-line tool of the czql toolkit for CZQL, the
// query language of the Clarizen REST API v2. Run `czql help` for usage.
package main

import (
	"os"

	"github.com/czql/czql/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
