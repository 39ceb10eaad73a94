package sandbox

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/czql/czql/api"
	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
	"github.com/czql/czql/parser"
	"github.com/czql/czql/translate"
)

// translateCZQL parses and translates one CZQL statement with the values
// of its bind parameters; the result is an *api.EntityQuery or an
// *api.AggregateQuery. Syntax errors and missing parameters are
// InvalidQuery errors.
func translateCZQL(q string, params map[string]any) (any, error) {
	if strings.TrimSpace(q) == "" {
		return nil, errorf(codeInvalidQuery, "the query is empty")
	}
	parsed, diags := parser.ParseQuery("q", []byte(q))
	if diags.HasErrors() {
		return nil, errorf(codeInvalidQuery, "%s", firstError(diags))
	}
	lits, err := paramLiterals(params)
	if err != nil {
		return nil, err
	}
	req, diags := translate.Query(parsed, &translate.Options{Params: lits})
	if diags.HasErrors() || req == nil {
		return nil, errorf(codeInvalidQuery, "%s", firstError(diags))
	}
	return req.Body, nil
}

// conditionFromText turns the text of a cZQLCondition into a condition
// tree, by translating a query on typeName with that WHERE.
func conditionFromText(typeName, text string, params map[string]any) (*api.Condition, error) {
	body, err := translateCZQL("SELECT Name FROM "+typeName+" WHERE "+text, params)
	if err != nil {
		return nil, err
	}
	eq, ok := body.(*api.EntityQuery)
	if !ok {
		return nil, errorf(codeInvalidQuery, "not a condition: %s", text)
	}
	return eq.Where, nil
}

func firstError(diags diag.List) string {
	for _, d := range diags {
		if d.Severity == diag.Error {
			return fmt.Sprintf("%d:%d: %s", d.Range.Start.Line, d.Range.Start.Col, d.Message)
		}
	}
	return "invalid query"
}

// paramLiterals maps JSON parameter values to CZQL literals.
func paramLiterals(params map[string]any) (map[string]ast.Literal, error) {
	lits := make(map[string]ast.Literal, len(params))
	for name, v := range params {
		name = strings.TrimPrefix(name, ":")
		switch x := v.(type) {
		case string:
			lits[name] = &ast.StringLit{Value: x}
		case json.Number:
			lits[name] = &ast.NumberLit{Raw: x.String()}
		case float64:
			lits[name] = &ast.NumberLit{Raw: fmt.Sprint(x)}
		case bool:
			lits[name] = &ast.BoolLit{Value: x}
		case nil:
			lits[name] = &ast.NullLit{}
		default:
			return nil, errorf(codeInvalidQuery, "parameter %s is not a JSON scalar", name)
		}
	}
	return lits, nil
}
