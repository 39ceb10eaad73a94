package czql

import (
	"slices"

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
// diagnostic is an error none is returned. For a text too large to hold
// every request, use [TranslateEach].
func TranslateFile(name string, src []byte, opts ...Option) ([]*translate.Request, diag.List) {
	var reqs []*translate.Request
	diags, _ := TranslateEach(name, src, func(req *translate.Request) error {
		reqs = append(reqs, req)
		return nil
	}, opts...)
	if diags.HasErrors() {
		return nil, diags
	}
	return reqs, diags
}

// TranslateEach is [TranslateFile] for texts of any size: it calls fn
// with the request of each statement, in order, and holds one
// statement's tree and request at a time. It returns the diagnostics and
// the first error of fn, which stops it. When any diagnostic is an error,
// fn is not called at all: the text is checked in a first reading and
// translated in a second one.
func TranslateEach(name string, src []byte, fn func(*translate.Request) error, opts ...Option) (diag.List, error) {
	o := collect(opts)
	diags := translateStatements(name, src, o, nil)
	if diags.HasErrors() {
		return diags, nil
	}
	var err error
	translateStatements(name, src, o, func(req *translate.Request) bool {
		err = fn(req)
		return err == nil
	})
	return diags, err
}

// translateStatements lints and translates src one statement at a time,
// calling emit (when not nil) with each request until it returns false,
// and returns the diagnostics, sorted.
func translateStatements(name string, src []byte, o *options, emit func(*translate.Request) bool) diag.List {
	var checks, translation diag.List
	qo := *o
	qo.checked = true
	used := map[string]bool{}
	eachStatement(name, src, o, func(q *ast.Query, ds diag.List) bool {
		checks = append(checks, ds...)
		if q == nil {
			return true
		}
		if o.unusedParams {
			paramsOf(q, used)
		}
		if checks.HasErrors() {
			return true
		}
		req, ts := translateQuery(q, src, &qo)
		translation = append(translation, o.cfg.Apply(ts)...)
		return req == nil || emit == nil || emit(req)
	})
	var unused diag.List
	if o.unusedParams {
		unused = o.cfg.Apply(unusedParams(o, used))
	}
	if checks.HasErrors() {
		return sorted(append(checks, unused...)) // the problems of translation follow those of the checks
	}
	return sorted(append(append(checks, translation...), unused...))
}

// paramsOf adds the names of the bind parameters of q to names.
func paramsOf(q *ast.Query, names map[string]bool) {
	ast.Inspect(q, func(n ast.Node) bool {
		if p, ok := n.(*ast.ParamRef); ok && p != nil {
			names[p.Name] = true
		}
		return true
	})
}

// CodeUnusedParam marks a bind parameter value that no statement uses
// (see [WithUnusedParamWarnings]).
const CodeUnusedParam = "unused-param"

// unusedParams warns about each parameter of o that is not in used, in
// the order of the names.
func unusedParams(o *options, used map[string]bool) diag.List {
	var names []string
	for name := range o.params {
		if !used[name] {
			names = append(names, name)
		}
	}
	for name := range o.literals {
		if _, both := o.params[name]; !both && !used[name] {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var diags diag.List
	for _, name := range names {
		diags = append(diags, diag.Diagnostic{Severity: diag.Warning, Code: CodeUnusedParam,
			Message: "bind parameter \":" + name + "\" is given a value, but no statement uses it"})
	}
	return diags
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
	topts := &translate.Options{Params: params, ConditionText: o.conditionText, Source: src, ParamHint: o.paramHint}
	if o.md != nil {
		info, ds := validate.Check(q, o.md)
		topts.Info = info
		if !o.checked {
			diags = append(diags, o.cfg.Apply(ds)...)
		}
	}
	diags = append(diags, o.cfg.Apply(validate.CheckParams(q, o.md, params))...)
	diags = append(diags, o.cfg.Apply(zeroLimit(q, params, o.md != nil))...)
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

// zeroLimit reports a LIMIT of 0 that validation has not (see
// [validate.LimitZero]): a LIMIT 0 written in a query that was not
// validated (no metadata), and a LIMIT bind parameter whose value is 0.
func zeroLimit(q *ast.Query, params map[string]ast.Literal, validated bool) diag.List {
	if q == nil || q.Limit == nil || q.Limit.Value == nil {
		return nil
	}
	v := q.Limit.Value
	p, isParam := v.(*ast.ParamRef)
	switch {
	case isParam:
		v = params[p.Name]
	case validated:
		return nil
	}
	if !validate.IsZero(v) {
		return nil
	}
	d := validate.ZeroLimit(q.Limit.Value.Range())
	if isParam {
		d.Message = "bind parameter \":" + p.Name + "\" is 0: " + d.Message
	}
	return diag.List{d}
}
