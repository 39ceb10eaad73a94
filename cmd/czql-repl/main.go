package main

import (
	"os"

	"github.com/czql/czql/internal/repl"
)

func main() { os.Exit(repl.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
