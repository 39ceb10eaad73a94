package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// The decoder as it was before it read documents in one pass: one
// json.Unmarshal per level, quadratic in the depth. It is kept as the
// reference that the one-pass decoder must match exactly, results and
// errors (see TestDecodeMatchesReference). It has since learnt what the
// service accepts: shapes told by property names under case folding (as
// encoding/json matches struct fields) and a JSON string as CZQL text. Its types are named ref…; the
// names in its errors are mapped back by refNames.

type refCondition struct {
	Kind       ConditionKind
	Operands   []*refCondition
	Negated    *refCondition
	Left       *refExpression
	Operator   Operator
	Right      *refExpression
	Text       string
	Parameters map[string]any
}

type refCompareJSON struct {
	Left     *refExpression `json:"leftExpression"`
	Operator Operator       `json:"operator"`
	Right    *refExpression `json:"rightExpression"`
}

type refEntityQuery struct {
	Type      string        `json:"_type,omitempty"`
	TypeName  string        `json:"typeName"`
	Fields    []string      `json:"fields,omitempty"`
	Where     *refCondition `json:"where,omitempty"`
	Orders    []OrderBy     `json:"orders,omitempty"`
	Relations []refRelation `json:"relations,omitempty"`
	Paging    *Paging       `json:"paging,omitempty"`
}

type refRelation struct {
	Name      string        `json:"name"`
	Fields    []string      `json:"fields,omitempty"`
	Where     *refCondition `json:"where,omitempty"`
	Orders    []OrderBy     `json:"orders,omitempty"`
	Relations []refRelation `json:"relations,omitempty"`
	FromLink  bool          `json:"fromLink,omitempty"`
}

type refExpression struct {
	Kind      ExpressionKind
	FieldName string
	Value     any
	Values    []any
	Query     *refEntityQuery
}

// refConditionKeys are the properties that tell a condition's shape, each
// matched as encoding/json matches struct fields: under case folding, the
// last duplicate winning (a null member is kept as the text "null").
type refConditionKeys struct {
	And            json.RawMessage `json:"and"`
	Or             json.RawMessage `json:"or"`
	Not            json.RawMessage `json:"not"`
	LeftExpression json.RawMessage `json:"leftExpression"`
	Text           json.RawMessage `json:"text"`
}

// refIsString reports whether data is a JSON string (after white space).
func refIsString(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n")
	return len(t) > 0 && t[0] == '"'
}

func (c *refCondition) UnmarshalJSON(data []byte) error {
	if refIsString(data) {
		*c = refCondition{Kind: CZQLCondition}
		return json.Unmarshal(data, &c.Text)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*c = refCondition{}
	var k refConditionKeys
	if err := json.Unmarshal(data, &k); err != nil {
		return err
	}
	switch {
	case k.And != nil:
		c.Kind = AndCondition
		return refDecodeOperands(k.And, &c.Operands)
	case k.Or != nil:
		c.Kind = OrCondition
		return refDecodeOperands(k.Or, &c.Operands)
	case k.Not != nil:
		c.Kind = NotCondition
		c.Negated = new(refCondition)
		return json.Unmarshal(k.Not, c.Negated)
	case k.LeftExpression != nil:
		var cj refCompareJSON
		if err := json.Unmarshal(data, &cj); err != nil {
			return err
		}
		if cj.Left == nil || cj.Right == nil || cj.Operator == "" {
			return errors.New("api: compare condition needs leftExpression, operator and rightExpression")
		}
		c.Kind, c.Left, c.Operator, c.Right = CompareCond, cj.Left, cj.Operator, cj.Right
		return nil
	case k.Text != nil:
		var zj czqlJSON
		if err := refDecodeNumbers(data, &zj); err != nil {
			return err
		}
		c.Kind, c.Text, c.Parameters = CZQLCondition, zj.Text, zj.Parameters
		return nil
	}
	return errors.New("api: condition has none of and, or, not, leftExpression, text")
}

func refDecodeOperands(data json.RawMessage, out *[]*refCondition) error {
	if err := json.Unmarshal(data, out); err != nil {
		return err
	}
	for _, op := range *out {
		if op == nil {
			return errors.New("api: null operand in and/or condition")
		}
	}
	return nil
}

func refDecodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

func (e *refExpression) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*e = refExpression{}
	var raw struct {
		Type      string          `json:"_type"`
		FieldName string          `json:"fieldName"`
		Value     any             `json:"value"`
		Values    []any           `json:"values"`
		Query     *refEntityQuery `json:"query"`
	}
	if err := refDecodeNumbers(data, &raw); err != nil {
		return err
	}
	var k struct {
		FieldName json.RawMessage `json:"fieldName"`
		Values    json.RawMessage `json:"values"`
		Query     json.RawMessage `json:"query"`
		Value     json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &k); err != nil {
		return err
	}
	switch {
	case k.FieldName != nil:
		e.Kind, e.FieldName = FieldExpr, raw.FieldName
	case k.Values != nil:
		e.Kind, e.Values = ConstantListExpr, raw.Values
	case k.Query != nil:
		e.Kind, e.Query = QueryExpr, raw.Query
	case k.Value != nil && strings.EqualFold(raw.Type, "predefinedDateRangeExpression"):
		e.Kind, e.Value = DateRangeExpr, raw.Value
	case k.Value != nil:
		e.Kind, e.Value = ConstantExpr, raw.Value
	default:
		return errors.New("api: expression has none of fieldName, value, values, query")
	}
	return nil
}

// The conversions of reference values to the package's.

func (c *refCondition) conv() *Condition {
	if c == nil {
		return nil
	}
	out := &Condition{Kind: c.Kind, Negated: c.Negated.conv(), Left: c.Left.conv(), Operator: c.Operator,
		Right: c.Right.conv(), Text: c.Text, Parameters: c.Parameters}
	if c.Operands != nil {
		out.Operands = make([]*Condition, len(c.Operands))
		for i, op := range c.Operands {
			out.Operands[i] = op.conv()
		}
	}
	return out
}

func (e *refExpression) conv() *Expression {
	if e == nil {
		return nil
	}
	return &Expression{Kind: e.Kind, FieldName: e.FieldName, Value: e.Value, Values: e.Values, Query: e.Query.conv()}
}

func (q *refEntityQuery) conv() *EntityQuery {
	if q == nil {
		return nil
	}
	return &EntityQuery{Type: q.Type, TypeName: q.TypeName, Fields: q.Fields, Where: q.Where.conv(),
		Orders: q.Orders, Relations: convRelations(q.Relations), Paging: q.Paging}
}

func convRelations(rs []refRelation) []Relation {
	if rs == nil {
		return nil
	}
	out := make([]Relation, len(rs))
	for i, r := range rs {
		out[i] = Relation{Name: r.Name, Fields: r.Fields, Where: r.Where.conv(), Orders: r.Orders,
			Relations: convRelations(r.Relations), FromLink: r.FromLink}
	}
	return out
}
