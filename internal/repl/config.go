package repl

import (
	"fmt"
	"io"

	"github.com/czql/czql"
)

// loadProject reads the project configuration (see findProject). It
// returns nil when there is none, and false, having reported why, when it
// cannot be read: the shell does not start then.
func loadProject(flagPath string, stderr io.Writer) (*czql.Config, bool) {
	cfg, err := findProject(flagPath)
	if err != nil {
		fmt.Fprintf(stderr, "czql-repl: configuration: %v\n", err)
		return nil, false
	}
	return cfg, true
}

// findProject reads the file flagPath names (--config), else the nearest
// .czql.yaml in the working directory or above it; nil and no error when
// there is none.
func findProject(flagPath string) (*czql.Config, error) {
	path := flagPath
	if path == "" {
		found, err := czql.FindConfig(".")
		if err != nil || found == "" {
			return nil, err
		}
		path = found
	}
	return czql.LoadConfig(path)
}

// metadataPath is the metadata file to validate against: --metadata, else
// the one the project configuration (nil for none) names; "" when neither
// names one, and CZQL_METADATA, the cache or the sandbox decide. \refresh
// loads it again.
func (f *flags) metadataPath(project *czql.Config) string {
	if f.metadata == "" && project != nil {
		return project.Metadata
	}
	return f.metadata
}
