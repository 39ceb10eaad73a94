package api

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConditionTextIsNotHTMLEscaped(t *testing.T) {
	c := &Condition{Kind: CZQLCondition, Text: `StartDate>:p AND Name <> 'a&b'`}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(c))
	require.Equal(t, `{"text":"StartDate>:p AND Name <> 'a&b'"}`+"\n", buf.String())
}

func TestConditionRoundTrip(t *testing.T) {
	in := `{"and":[{"leftExpression":{"fieldName":"State"},"operator":"In","rightExpression":{"values":["Active",1.50,null,true]}},` +
		`{"not":{"leftExpression":{"fieldName":"Name"},"operator":"Like","rightExpression":{"value":"S%"}}},` +
		`{"leftExpression":{"fieldName":"CreatedBy"},"operator":"In","rightExpression":{"query":{"_type":"entityQuery","typeName":"User"}}}]}`
	var c Condition
	require.NoError(t, json.Unmarshal([]byte(in), &c))
	require.Equal(t, AndCondition, c.Kind)
	require.Len(t, c.Operands, 3)
	out, err := json.Marshal(&c)
	require.NoError(t, err)
	require.JSONEq(t, in, string(out))
}

func TestConditionRejectsUnknownShape(t *testing.T) {
	for _, in := range []string{`{}`, `{"leftExpression":{"fieldName":"a"}}`, `{"and":[null]}`, `[]`, `{"leftExpression":{"fieldName":"a"},"operator":"Equal","rightExpression":{}}`} {
		var c Condition
		require.Error(t, json.Unmarshal([]byte(in), &c), in)
	}
}
