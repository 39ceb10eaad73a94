package czql

import (
	"fmt"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/metadata"
)

// Option configures Lint and Translate.
type Option func(*options)

// options is what the Options say.
type options struct {
	md            *metadata.Metadata
	params        map[string]any
	cfg           *Config
	conditionText bool
	checked       bool // the query was validated already (TranslateFile)
	literals      map[string]ast.Literal
	unusedParams  bool // warn about parameters no statement uses
	paramHint     func(name string) string
}

// collect applies opts.
func collect(opts []Option) *options {
	o := &options{}
	for _, opt := range opts {
		if opt != nil {
			opt(o)
		}
	}
	return o
}

// WithMetadata checks queries against md (unknown entities and fields,
// types, pick lists, …) and makes Translate write names in their canonical
// spelling.
func WithMetadata(md *metadata.Metadata) Option { return func(o *options) { o.md = md } }

// WithParams gives the values of bind parameters (`:name`, by name without
// the colon) as Go values, converted as the query builder converts them
// (see [Eq]): a string, any integer or float type, a bool, a time.Time (a
// date-time), a [Date] or nil (NULL). Translate reports a value of another
// type.
func WithParams(params map[string]any) Option { return func(o *options) { o.params = params } }

// WithParamLiterals gives the values of bind parameters as CZQL literals,
// as `czql translate -p name=value` reads them (translate.ParseParams).
// It replaces the values of [WithParams] of the same names.
func WithParamLiterals(params map[string]ast.Literal) Option {
	return func(o *options) { o.literals = params }
}

// WithUnusedParamWarnings makes [TranslateFile] and [TranslateEach] warn
// (code unused-param) about each parameter of [WithParams] and
// [WithParamLiterals] that no statement of the text uses, as `czql
// translate` and `czql run` do for their -p values: a misspelt name
// otherwise goes unnoticed. A caller whose values outlive one text (a
// shell's session variables) leaves it out.
func WithUnusedParamWarnings() Option { return func(o *options) { o.unusedParams = true } }

// WithConfig applies a project configuration: the severity of each rule
// (or its removal), see [LoadConfig].
func WithConfig(cfg *Config) Option { return func(o *options) { o.cfg = cfg } }

// WithParamHint sets how the message of a bind parameter without a value
// tells the user to give one: hint returns the words for a parameter name
// (czql-repl says "set it with \set NAME VALUE"). Without it the message
// names the czql command's flag, "pass -p NAME=VALUE".
func WithParamHint(hint func(name string) string) Option {
	return func(o *options) { o.paramHint = hint }
}

// WithConditionText makes Translate send every WHERE clause as a
// cZQLCondition (`{"text": …, "parameters": {…}}`), as `czql translate
// --condition-text` does.
func WithConditionText() Option { return func(o *options) { o.conditionText = true } }

// CodeBadParam marks a bind parameter value of a Go type that CZQL has no
// literal for.
const CodeBadParam = "bad-param"

// literals converts the Go values of parameters into CZQL literals.
func literals(params map[string]any) (map[string]ast.Literal, diag.List) {
	if params == nil {
		return nil, nil
	}
	out := make(map[string]ast.Literal, len(params))
	var diags diag.List
	for name, v := range params {
		lit, err := literal(v)
		if err != nil {
			diags = append(diags, diag.Errorf(CodeBadParam, diag.Range{}, "parameter %q: %v", name, err))
			continue
		}
		out[name] = lit
	}
	diags.Sort()
	return out, diags
}

// literal converts the Go value of a bind parameter into a CZQL literal,
// as the query builder does (see [Eq]); a parameter is no value.
func literal(v any) (ast.Literal, error) {
	if p, ok := v.(Value); ok && p.kind == paramValue {
		return nil, fmt.Errorf("a parameter's value cannot be another parameter")
	}
	return goLiteral(v)
}
