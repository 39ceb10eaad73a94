package ast

import "testing"

func TestDescribe(t *testing.T) {
	for want, l := range map[string]Literal{
		"a string": &StringLit{}, "a number": &NumberLit{}, "a date": &DateLit{},
		"a boolean": &BoolLit{}, "NULL": &NullLit{}, "a parameter": &ParamRef{}, "nothing": nil,
	} {
		if got := Describe(l); got != want {
			t.Errorf("Describe(%T) = %q, want %q", l, got, want)
		}
	}
}
