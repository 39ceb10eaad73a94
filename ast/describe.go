package ast

// Describe names the kind of a literal for messages, with its article:
// "a string", "a number", "a date", "a boolean", "NULL", "a parameter"; nil
// gives "nothing".
func Describe(l Literal) string {
	switch l.(type) {
	case *StringLit:
		return "a string"
	case *NumberLit:
		return "a number"
	case *DateLit:
		return "a date"
	case *BoolLit:
		return "a boolean"
	case *NullLit:
		return "NULL"
	case *ParamRef:
		return "a parameter"
	case nil:
		return "nothing"
	}
	return "a value"
}
