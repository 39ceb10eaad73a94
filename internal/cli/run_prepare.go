package cli

import (
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// prepare parses, validates (when md is not nil) and translates every
// statement of in. Diagnostics go to standard error; when any is an
// error nothing is returned, so that nothing is sent.
func prepare(e *env, in *input, md *metadata.Metadata, opts *translate.Options) ([]*translate.Request, int) {
	file, diags := parser.ParseFile(in.name, in.text)
	if diags.HasErrors() {
		return nil, writeDiags(e, in, diags)
	}
	var reqs []*translate.Request
	for _, q := range file.Queries {
		qopts, vs := validateForTranslate(q, md, opts)
		diags = append(diags, vs...)
		if vs.HasErrors() {
			continue
		}
		req, ds := translate.Query(q, qopts)
		diags = append(diags, ds...)
		if req != nil && !ds.HasErrors() {
			reqs = append(reqs, req)
		}
	}
	if code := writeDiags(e, in, diags); code != ExitOK {
		return nil, code
	}
	if len(file.Queries) == 0 {
		if len(diags) == 0 {
			writeDiags(e, in, diag.List{noStatements(in)})
		}
		return nil, ExitErrors
	}
	return reqs, ExitOK
}
