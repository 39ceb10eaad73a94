package cli

import (
	"path/filepath"

	"github.com/czql/czql"
)

// configs finds and keeps the project configurations (.czql.yaml) of the
// inputs of one command: the --config file when given, else the nearest
// .czql.yaml above each input file (above the working directory for
// standard input and -q). Each file is read once.
type configs struct {
	e      *env
	flag   string                  // --config, or ""
	byPath map[string]*czql.Config // by file path; nil for "none found"
	byDir  map[string]string       // the config path found for a directory
}

// newConfigs returns the configuration finder of a command.
func newConfigs(e *env, flagPath string) *configs {
	return &configs{e: e, flag: flagPath, byPath: map[string]*czql.Config{}, byDir: map[string]string{}}
}

// forInput returns the configuration of in, or nil when there is none. A
// configuration that cannot be read is reported, with [ExitUsage].
func (c *configs) forInput(in *input) (*czql.Config, int) {
	path := c.flag
	if path == "" {
		dir := "."
		if in != nil && in.path != "" {
			dir = filepath.Dir(in.path)
		}
		found, ok := c.byDir[dir]
		if !ok {
			var err error
			if found, err = czql.FindConfig(dir); err != nil {
				return nil, ioError(c.e, err)
			}
			c.byDir[dir] = found
		}
		path = found
	}
	if path == "" {
		return nil, ExitOK
	}
	if cfg, ok := c.byPath[path]; ok {
		return cfg, ExitOK
	}
	cfg, err := czql.LoadConfig(path)
	if err != nil {
		c.e.errorf("configuration: %v", err)
		return nil, ExitUsage
	}
	c.byPath[path] = cfg
	return cfg, ExitOK
}

// configuredMetadata is the metadata file named by the --metadata flag
// (flagPath), else by the configuration cfg (nil for none); "" when
// neither names one, and the environment and the cache decide.
func configuredMetadata(flagPath string, cfg *czql.Config) string {
	if flagPath == "" && cfg != nil {
		return cfg.Metadata
	}
	return flagPath
}
