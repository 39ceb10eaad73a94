package cli

import (
	"github.com/czql/czql"
	"github.com/czql/czql/internal/frontend"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/translate"
)

// prepare checks (with metadata md, when not nil) and translates every
// statement of in through the library's one pipeline (frontend.Prepare),
// so that czql:ignore comments, the project configuration cfg (nil for
// none) and parameters behave as in lint and translate. Diagnostics go to
// standard error; when any is an error nothing is returned, so that
// nothing is sent.
func prepare(e *env, in *input, md *metadata.Metadata, cfg *czql.Config, opts *translate.Options) ([]*translate.Request, int) {
	return frontend.Prepare(e.stderr, in.name, in.text, append(pipelineOptions(md, opts), czql.WithConfig(cfg))...)
}
