package validate

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/metadata"
)

// opKind is an operator class of czql-reference.md §6.6.
type opKind int

const (
	opEq       opKind = iota // = <>
	opOrder                  // < > <= >=
	opLike                   // [NOT] LIKE
	opInList                 // [NOT] IN (v, …)
	opInSelect               // [NOT] IN (SELECT …)
)

// opVerdict is what §6.6 says of an operator on a field type.
type opVerdict int

const (
	opOK opVerdict = iota
	opWarn
	opBad
)

// operatorVerdict applies the §6.6 table to an operator on type t.
func operatorVerdict(t metadata.FieldType, op opKind) opVerdict {
	allowed := map[metadata.FieldType][]opKind{
		metadata.String:        {opEq, opLike, opInList},
		metadata.Integer:       {opEq, opOrder, opInList},
		metadata.Long:          {opEq, opOrder, opInList},
		metadata.Double:        {opEq, opOrder, opInList},
		metadata.Boolean:       {opEq},
		metadata.Date:          {opEq, opOrder},
		metadata.DateTime:      {opEq, opOrder},
		metadata.Duration:      {opEq, opOrder},
		metadata.Money:         {opEq, opOrder},
		metadata.EntityRef:     {opEq, opInList, opInSelect},
		metadata.MultiPickList: {opEq, opLike},
		metadata.Binary:        {},
	}
	list, known := allowed[t]
	if !known {
		return opOK // a type the model does not know: do not guess
	}
	for _, k := range list {
		if k == op {
			return opOK
		}
	}
	if t == metadata.String && op == opOrder {
		return opWarn
	}
	return opBad
}

// literalFits reports whether literal l is of a kind §6.6 allows for type t
// (NULL and bind parameters always fit).
func literalFits(t metadata.FieldType, l ast.Literal) bool {
	switch l := l.(type) {
	case *ast.NullLit, *ast.ParamRef, nil:
		return true
	case *ast.StringLit:
		return stringFits(t, l.Value)
	case *ast.NumberLit:
		return t.IsNumeric() || t == metadata.Duration || t == metadata.Money ||
			(t == metadata.Boolean && (l.Raw == "1" || l.Raw == "0"))
	case *ast.DateLit:
		return t.IsTemporal()
	case *ast.BoolLit:
		return t == metadata.Boolean
	}
	return true
}

// stringFits reports whether a quoted string is a literal form of type t.
func stringFits(t metadata.FieldType, v string) bool {
	switch {
	case t.IsNumeric():
		return false
	case t == metadata.Boolean:
		return v == "1" || v == "0"
	case t.IsTemporal():
		return looksLikeDate(v)
	}
	return true
}

// expectedKind describes the literal forms of type t for messages.
func expectedKind(t metadata.FieldType) string {
	switch {
	case t.IsNumeric():
		return "a number"
	case t.IsTemporal():
		return "a date such as 2024-01-31"
	case t == metadata.Boolean:
		return "TRUE, FALSE, 1 or 0"
	case t == metadata.Duration:
		return "a duration such as '8h' or a number"
	case t == metadata.Money:
		return "a number"
	case t == metadata.EntityRef:
		return "a quoted id such as '/User/…' or a pick-list value"
	}
	return "a quoted string"
}
