package czql

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/translate"
	"github.com/czql/czql/validate"
)

// Translate turns a query into the request the Clarizen API takes: the
// endpoint and the body of an entityQuery or an aggregateQuery.
// `json.Marshal(req.Body)` is what `czql translate --body` prints and
// `req.BulkItem()` what `czql translate` prints. With [WithMetadata] the
// query is checked first, and names take their canonical spelling; with
// [WithParams] bind parameters get their values. A query with errors gives
// a nil request and the diagnostics.
func Translate(q *ast.Query, opts ...Option) (*translate.Request, diag.List) {
	return translateQuery(q, nil, collect(opts))
}

// TranslateFile translates every statement of a .czql text, after the
// checks of [Lint] (czql:ignore comments and the configuration apply).
// The requests are those of the statements, in order; when any
// diagnostic is an error none is returned.
func TranslateFile(name string, src []byte, opts ...Option) ([]*translate.Request, diag.List) {
	o := collect(opts)
	file, diags := lintFile(name, src, o)
	if diags.HasErrors() {
		return nil, diags
	}
	reqs := make([]*translate.Request, 0, len(file.Queries))
	for _, q := range file.Queries {
		qo := *o
		qo.checked = true
		req, ds := translateQuery(q, src, &qo)
		diags = append(diags, o.cfg.Apply(ds)...)
		reqs = append(reqs, req)
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return reqs, diags
}

// translateQuery translates q, parsed from src (nil when unknown).
func translateQuery(q *ast.Query, src []byte, o *options) (*translate.Request, diag.List) {
	params, diags := literals(o.params)
	for name, lit := range o.literals {
		if params == nil {
			params = map[string]ast.Literal{}
		}
		params[name] = lit
	}
	topts := &translate.Options{Params: params, ConditionText: o.conditionText, Source: src}
	if o.md != nil {
		info, ds := validate.Check(q, o.md)
		topts.Info = info
		if !o.checked {
			diags = append(diags, o.cfg.Apply(ds)...)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	req, ds := translate.Query(q, topts)
	diags = append(diags, ds...)
	if diags.HasErrors() {
		return nil, diags
	}
	return req, diags
}
