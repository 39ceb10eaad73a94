package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Operator is a comparison operator of a compare [Condition], spelled
// exactly as the API expects.
type Operator string

// The operators of the API.
const (
	Equal              Operator = "Equal"
	NotEqual           Operator = "NotEqual"
	LessThan           Operator = "LessThan"
	GreaterThan        Operator = "GreaterThan"
	LessThanOrEqual    Operator = "LessThanOrEqual"
	GreaterThanOrEqual Operator = "GreaterThanOrEqual"
	BeginsWith         Operator = "BeginsWith"
	EndsWith           Operator = "EndsWith"
	Contains           Operator = "Contains"
	DoesNotContain     Operator = "DoesNotContain"
	In                 Operator = "In"
	Like               Operator = "Like"
)

// ConditionKind tells which shape a [Condition] has.
type ConditionKind int

// The condition kinds.
const (
	AndCondition  ConditionKind = iota + 1 // {"and": [...]}
	OrCondition                            // {"or": [...]}
	NotCondition                           // {"not": cond}
	CompareCond                            // {"leftExpression", "operator", "rightExpression"}
	CZQLCondition                          // {"text", "parameters"}
)

// Condition is the `where` of a query: one of the kinds of
// [ConditionKind]. Only the fields of its Kind are meaningful.
type Condition struct {
	Kind       ConditionKind
	Operands   []*Condition   // and, or
	Negated    *Condition     // not
	Left       *Expression    // compare
	Operator   Operator       // compare
	Right      *Expression    // compare
	Text       string         // cZQLCondition
	Parameters map[string]any // cZQLCondition
}

type compareJSON struct {
	Left     *Expression `json:"leftExpression"`
	Operator Operator    `json:"operator"`
	Right    *Expression `json:"rightExpression"`
}

type czqlJSON struct {
	Text       string         `json:"text"`
	Parameters map[string]any `json:"parameters,omitempty"`
}

// MarshalJSON encodes c in the shape of its Kind.
func (c *Condition) MarshalJSON() ([]byte, error) {
	switch c.Kind {
	case AndCondition:
		return marshal(struct {
			And []*Condition `json:"and"`
		}{c.Operands})
	case OrCondition:
		return marshal(struct {
			Or []*Condition `json:"or"`
		}{c.Operands})
	case NotCondition:
		return marshal(struct {
			Not *Condition `json:"not"`
		}{c.Negated})
	case CompareCond:
		return marshal(compareJSON{c.Left, c.Operator, c.Right})
	case CZQLCondition:
		return marshal(czqlJSON{c.Text, c.Parameters})
	}
	return nil, fmt.Errorf("api: condition of unknown kind %d", c.Kind)
}

// UnmarshalJSON decodes any condition shape, with or without `_type`; the
// shape is recognised by its property names.
func (c *Condition) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*c = Condition{}
	switch {
	case m["and"] != nil:
		c.Kind = AndCondition
		return decodeOperands(m["and"], &c.Operands)
	case m["or"] != nil:
		c.Kind = OrCondition
		return decodeOperands(m["or"], &c.Operands)
	case m["not"] != nil:
		c.Kind = NotCondition
		c.Negated = new(Condition)
		return json.Unmarshal(m["not"], c.Negated)
	case m["leftExpression"] != nil:
		var cj compareJSON
		if err := json.Unmarshal(data, &cj); err != nil {
			return err
		}
		if cj.Left == nil || cj.Right == nil || cj.Operator == "" {
			return errors.New("api: compare condition needs leftExpression, operator and rightExpression")
		}
		c.Kind, c.Left, c.Operator, c.Right = CompareCond, cj.Left, cj.Operator, cj.Right
		return nil
	case m["text"] != nil:
		var zj czqlJSON
		if err := decodeNumbers(data, &zj); err != nil {
			return err
		}
		c.Kind, c.Text, c.Parameters = CZQLCondition, zj.Text, zj.Parameters
		return nil
	}
	return errors.New("api: condition has none of and, or, not, leftExpression, text")
}

func decodeOperands(data json.RawMessage, out *[]*Condition) error {
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

// decodeNumbers decodes data into v keeping numbers as json.Number, so that
// values such as 85 and 1.50 survive a round trip exactly.
func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
