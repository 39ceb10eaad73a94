package translate

import (
	"fmt"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/validate"
)

// The diagnostic codes the translator reports.
const (
	// CodePartial: the tree is incomplete (a missing clause, a BadExpr);
	// the parser has already reported why.
	CodePartial = "partial"
	// CodeMissingParam: a bind parameter has no value.
	CodeMissingParam = "missing-param"
	// CodeBadParam: a bind parameter's value is not a usable literal.
	CodeBadParam = "bad-param"
	// CodeBadLimit: LIMIT is not a non-negative integer.
	CodeBadLimit = "bad-limit"
	// CodeBadOffset: OFFSET is not a non-negative integer.
	CodeBadOffset = "bad-offset"
	// CodeBadNumber: a number has no JSON (or CZQL) form.
	CodeBadNumber = "bad-number"
	// CodeUnsupported: the construct has no counterpart on the other side.
	CodeUnsupported = "unsupported"
	// CodeLossy: the construct is rewritten into something close but not
	// identical.
	CodeLossy = "lossy"
	// CodeNoSource: [Options.ConditionText] is set but the condition's
	// text cannot be sliced from [Options.Source].
	CodeNoSource = "no-source"
	// CodeBadJSON: the input of [FromJSON] is not a query request.
	CodeBadJSON = "bad-json"
	// CodeBadName: a JSON name is not a CZQL identifier or field path.
	CodeBadName = "bad-name"
)

// Options controls [Query]. The zero value (or a nil *Options) translates
// with no bind parameter values, compare trees and [DefaultFunctions].
type Options struct {
	// Params holds the values of bind parameters by name, without the
	// colon; see [ParseParams].
	Params map[string]ast.Literal
	// ConditionText sends every WHERE clause as a cZQLCondition
	// {"text": <the condition as written>, "parameters": {…}} instead of a
	// compare tree. The text is sliced from Source by the condition's range.
	ConditionText bool
	// Source is the text the query was parsed from; needed for
	// ConditionText.
	Source []byte
	// Functions spells the aggregate functions in JSON; nil means
	// [DefaultFunctions].
	Functions map[ast.AggFunc]string
	// Info is the validator's resolution of the query (validate.Check
	// against describeMetadata). When set, names are emitted in their
	// canonical spelling: typeName, fields, relation names, order and
	// group fields; see [Canonical].
	Info *validate.Info
	// ParamHint tells, in the message of a missing bind parameter value,
	// how to give one: it returns the words after "; " for a parameter
	// name. Nil means the czql command's flag, "pass -p NAME=VALUE".
	ParamHint func(name string) string
}

// Request is a translated query: the endpoint path (such as
// [api.PathEntityQuery]) and the body to POST there, an *[api.EntityQuery]
// or an *[api.AggregateQuery]. json.Marshal(Body) is what `czql translate
// --body` prints.
type Request struct {
	Path string
	Body api.Body
}

// BulkItem returns r in the shape of a bulk-execute request item,
// {"url": Path, "method": "POST", "body": Body}, which is what
// `czql translate` prints.
func (r *Request) BulkItem() api.BulkItem {
	return api.BulkItem{URL: r.Path, Method: "POST", Body: r.Body}
}

// ParseParams reads bind parameter values written as "name=value" (the
// -p flag). The name may carry its colon (":name=value"). The value is
// typed like a CZQL literal: 5 is a number, 'x' or "x" a string,
// 2024-01-01 a date, true, false and null themselves; a value that is not
// a literal (Active, /User/42) is taken as a plain string. A later pair
// overrides an earlier one of the same name. A pair without '=' or without
// a name is an error that quotes it.
func ParseParams(pairs []string) (map[string]ast.Literal, error) {
	params := make(map[string]ast.Literal, len(pairs))
	for _, pair := range pairs {
		name, value, ok := strings.Cut(pair, "=")
		name = strings.TrimPrefix(strings.TrimSpace(name), ":")
		if !ok || name == "" {
			return nil, fmt.Errorf("bad parameter %q: want name=value", pair)
		}
		params[name] = paramLiteral(value)
	}
	return params, nil
}

// paramLiteral types the value of a -p pair.
func paramLiteral(value string) ast.Literal {
	lit, diags := parseLiteral(value)
	if diags.HasErrors() || lit == nil {
		return &ast.StringLit{Value: value}
	}
	if _, isParam := lit.(*ast.ParamRef); isParam {
		return &ast.StringLit{Value: value}
	}
	return lit
}
