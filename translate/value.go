package translate

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/czql/czql/ast"
)

// literalValue returns the JSON value of a constant literal: a string,
// json.Number, bool or nil. A ParamRef has no value of its own; callers
// resolve it first.
func literalValue(l ast.Literal) (any, error) {
	switch l := l.(type) {
	case *ast.StringLit:
		return l.Value, nil
	case *ast.NumberLit:
		n, err := jsonNumber(l.Raw)
		if err != nil {
			return nil, err
		}
		return n, nil
	case *ast.DateLit:
		return dateValue(l), nil
	case *ast.BoolLit:
		return l.Value, nil
	case *ast.NullLit:
		return nullValue, nil
	}
	return nil, fmt.Errorf("%s is not a constant", describe(l))
}

// describe names a node kind for messages.
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.ParamRef:
		return "a bind parameter"
	case *ast.StringLit, *ast.NumberLit, *ast.DateLit, *ast.BoolLit, *ast.NullLit:
		return "a value"
	case *ast.BadExpr:
		return "an unparsed expression"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%T", n)
}

// jsonNumber returns the JSON number for the CZQL number text raw. Valid
// JSON number text is kept as written, so 85 stays 85 and 1.50 stays 1.50;
// otherwise leading zeros, a leading '+', a bare leading or trailing '.' are
// normalised (007 → 7, .5 → 0.5).
func jsonNumber(raw string) (json.Number, error) {
	if isJSONNumber(raw) {
		return json.Number(raw), nil
	}
	sign, digits := splitSign(raw)
	intPart, frac, hasDot := strings.Cut(digits, ".")
	if !allDigits(intPart) || !allDigits(frac) || intPart+frac == "" {
		return "", fmt.Errorf("%q is not a number", raw)
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	out := sign + intPart
	if hasDot && frac != "" {
		out += "." + frac
	}
	return json.Number(out), nil
}

func splitSign(s string) (sign, rest string) {
	switch {
	case strings.HasPrefix(s, "-"):
		return "-", s[1:]
	case strings.HasPrefix(s, "+"):
		return "", s[1:]
	}
	return "", s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isJSONNumber reports whether s is a number in JSON's grammar.
func isJSONNumber(s string) bool {
	if s == "" || !json.Valid([]byte(s)) {
		return false
	}
	c := s[0]
	return c == '-' || c >= '0' && c <= '9'
}

// maxExponent bounds the exponent that [plainDecimal] expands, so that a
// hostile 1e999999999 does not become a gigabyte of zeros.
const maxExponent = 400

var errBigExponent = errors.New("exponent too large for a CZQL number")

// plainDecimal rewrites a JSON number with an exponent into the plain
// decimal CZQL can spell (1.5e3 → 1500, 25E-3 → 0.025); other JSON numbers
// come back unchanged.
func plainDecimal(s string) (string, error) {
	if !isJSONNumber(s) {
		return "", fmt.Errorf("%q is not a JSON number", s)
	}
	mant, expText, ok := strings.Cut(strings.ToLower(s), "e")
	if !ok {
		return s, nil
	}
	exp, err := strconv.Atoi(expText)
	if err != nil || exp > maxExponent || exp < -maxExponent {
		return "", errBigExponent
	}
	sign, digits := splitSign(mant)
	intPart, frac, _ := strings.Cut(digits, ".")
	return sign + shiftPoint(intPart+frac, len(intPart)+exp), nil
}

// shiftPoint places a decimal point after the first point digits of
// digits (which may be negative or past the end) and trims the zeros that
// carry no meaning.
func shiftPoint(digits string, point int) string {
	switch {
	case point <= 0:
		digits = strings.Repeat("0", 1-point) + digits
		point = 1
	case point > len(digits):
		digits += strings.Repeat("0", point-len(digits))
	}
	intPart := strings.TrimLeft(digits[:point], "0")
	if intPart == "" {
		intPart = "0"
	}
	frac := strings.TrimRight(digits[point:], "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

// count reads a LIMIT or OFFSET number: a non-negative integer that fits
// an int.
func count(l ast.Literal) (int, error) {
	n, ok := l.(*ast.NumberLit)
	if !ok {
		return 0, fmt.Errorf("must be a number, not %s", ast.Describe(l))
	}
	v, err := strconv.Atoi(n.Raw)
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("%s is too large", n.Raw)
	case err != nil:
		return 0, fmt.Errorf("must be a whole number, not %s", n.Raw)
	case v < 0:
		return 0, fmt.Errorf("must not be negative, not %s", n.Raw)
	}
	return v, nil
}
