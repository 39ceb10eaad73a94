package api

import "fmt"

// ExpressionKind tells which shape an [Expression] has.
type ExpressionKind int

// The expression kinds.
const (
	FieldExpr        ExpressionKind = iota + 1 // {"fieldName": "State"}
	ConstantExpr                               // {"value": v}
	ConstantListExpr                           // {"values": [v, …]}
	QueryExpr                                  // {"query": {…}}
	DateRangeExpr                              // {"value": "ThisMonth"} (predefinedDateRangeExpression)
)

// Expression is an operand of a compare [Condition].
//
// Values are JSON scalars as Go values: string, json.Number, bool or nil
// (JSON null). Numbers are kept as json.Number so their text survives.
// DateRangeExpr cannot be told from ConstantExpr on the wire without
// `_type`; it is decoded as ConstantExpr unless `_type` says otherwise.
type Expression struct {
	Kind      ExpressionKind
	FieldName string
	Value     any
	Values    []any
	Query     *EntityQuery
}

// MarshalJSON encodes e in the shape of its Kind.
func (e *Expression) MarshalJSON() ([]byte, error) {
	switch e.Kind {
	case FieldExpr:
		return marshal(struct {
			FieldName string `json:"fieldName"`
		}{e.FieldName})
	case ConstantExpr:
		return marshal(struct {
			Value any `json:"value"`
		}{e.Value})
	case DateRangeExpr:
		return marshal(struct {
			Type  string `json:"_type"`
			Value any    `json:"value"`
		}{"predefinedDateRangeExpression", e.Value})
	case ConstantListExpr:
		vals := e.Values
		if vals == nil {
			vals = []any{}
		}
		return marshal(struct {
			Values []any `json:"values"`
		}{vals})
	case QueryExpr:
		return marshal(struct {
			Query *EntityQuery `json:"query"`
		}{e.Query})
	}
	return nil, fmt.Errorf("api: expression of unknown kind %d", e.Kind)
}

// UnmarshalJSON decodes any expression shape, recognised by its property
// names in any case (and `_type`, in any case, for
// predefinedDateRangeExpression). Like [Condition.UnmarshalJSON], it reads
// data once.
func (e *Expression) UnmarshalJSON(data []byte) error {
	v, err := parseDocument(data)
	if err != nil {
		return err
	}
	return finish(expression(e, &v, data, 0))
}
