package repl

import (
	"fmt"
	"io"

	"github.com/czql/czql"
)

// loadProject reads the project configuration: the nearest .czql.yaml in
// the working directory or above it. It returns nil when there is none,
// and false, having reported why, when it cannot be read: the shell does
// not start then.
func loadProject(stderr io.Writer) (*czql.Config, bool) {
	path, err := czql.FindConfig(".")
	if err == nil && path == "" {
		return nil, true
	}
	var cfg *czql.Config
	if err == nil {
		cfg, err = czql.LoadConfig(path)
	}
	if err != nil {
		fmt.Fprintf(stderr, "czql-repl: configuration: %v\n", err)
		return nil, false
	}
	return cfg, true
}
