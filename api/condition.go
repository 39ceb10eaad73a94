package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
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

// operators are the operators of the API.
var operators = []Operator{Equal, NotEqual, LessThan, GreaterThan, LessThanOrEqual, GreaterThanOrEqual,
	BeginsWith, EndsWith, Contains, DoesNotContain, In, Like}

// Canonical returns o spelled as the API documents it when o names one of
// its operators in another case ("equal", "GREATERTHAN"); other values come
// back unchanged.
func (o Operator) Canonical() Operator {
	for _, op := range operators {
		if strings.EqualFold(string(o), string(op)) {
			return op
		}
	}
	return o
}

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
	Operands   []*Condition // and, or
	Negated    *Condition   // not
	Left       *Expression  // compare
	Operator   Operator     // compare
	Right      *Expression  // compare
	Text       string       // cZQLCondition
	Parameters Parameters   // cZQLCondition
}

type compareJSON struct {
	Left     *Expression `json:"leftExpression"`
	Operator Operator    `json:"operator"`
	Right    *Expression `json:"rightExpression"`
}

type czqlJSON struct {
	Text       string     `json:"text"`
	Parameters Parameters `json:"parameters,omitempty"`
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
// shape is recognised by its property names, in any case (`LeftExpression`
// as well as `leftExpression`). A JSON string is the text of a
// cZQLCondition, as clients send `where` to relationQuery. It reads data
// once, whatever its depth (up to [MaxDepth]).
func (c *Condition) UnmarshalJSON(data []byte) error {
	v, err := parseDocument(data)
	if err != nil {
		return err
	}
	return finish(condition(c, &v, data, 0))
}

// decodeNumbers decodes data into v keeping numbers as json.Number, so that
// values such as 85 and 1.50 survive a round trip exactly.
func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}
