package cli

import (
	"github.com/czql/czql"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// check lints the text of the named input, the one being linted, with its
// metadata and configuration.
func (l *linter) check(name string, text []byte) diag.List {
	return lintText(name, text, l.curMD, l.curCfg)
}

// lintText is the whole check of one source text, the library's
// czql.Lint: its syntax diagnostics and, when md is not nil, those of
// validation (statements with syntax errors are not validated), without
// the ones its czql:ignore comments suppress, with the severities of cfg,
// sorted by position.
func lintText(name string, text []byte, md *metadata.Metadata, cfg *czql.Config) diag.List {
	opts := []czql.Option{czql.WithConfig(cfg)}
	if md != nil {
		opts = append(opts, czql.WithMetadata(md))
	}
	return czql.Lint(name, text, opts...)
}
