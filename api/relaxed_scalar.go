package api

import (
	"bytes"
	"strings"
)

// str reads a string quoted with q (" or ') and writes it double-quoted.
func (r *relaxer) str(q byte) error {
	start := r.pos
	r.pos++
	r.out = append(r.out, '"')
	for r.pos < len(r.in) {
		c := r.in[r.pos]
		switch {
		case c == q:
			r.pos++
			r.out = append(r.out, '"')
			return nil
		case c == '\\':
			if err := r.escape(); err != nil {
				return err
			}
			continue
		case c == '"': // inside single quotes
			r.out = append(r.out, '\\', '"')
		case c < 0x20:
			r.out = append(r.out, '\\', 'u', '0', '0', hexDigit(c>>4), hexDigit(c&0xF))
		default:
			r.out = append(r.out, c)
		}
		r.pos++
	}
	r.pos = start
	return r.fail("unterminated string")
}

// escape reads the escape sequence at r.pos: a JSON one, or \'.
func (r *relaxer) escape() error {
	if r.pos+1 >= len(r.in) {
		return r.fail("unterminated string")
	}
	c := r.in[r.pos+1]
	switch c {
	case '\'':
		r.out = append(r.out, '\'')
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		r.out = append(r.out, '\\', c)
	case 'u':
		if r.pos+6 > len(r.in) || !isHex4(r.in[r.pos+2:r.pos+6]) {
			return r.fail(`\u needs four hexadecimal digits`)
		}
		r.out = append(r.out, r.in[r.pos:r.pos+6]...)
		r.pos += 6
		return nil
	default:
		return r.fail(`invalid escape \%c`, c)
	}
	r.pos += 2
	return nil
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

func hexDigit(n byte) byte { return "0123456789abcdef"[n] }

// word reads a bare word: a number or one of the literals.
func (r *relaxer) word() error {
	start := r.pos
	for r.pos < len(r.in) && !isWordEnd(r.in[r.pos]) {
		r.pos++
	}
	w := r.in[start:r.pos]
	lower := ""
	if len(w) <= len("false") {
		lower = strings.ToLower(string(w))
	}
	switch lower {
	case "true", "false", "null":
		r.out = append(r.out, lower...)
		return nil
	case "none":
		r.out = append(r.out, "null"...)
		return nil
	}
	if !isJSONNumber(w) {
		r.pos = start
		return r.fail("unexpected %q", w)
	}
	r.out = append(r.out, w...)
	return nil
}

// isWordEnd reports whether c ends a bare word.
func isWordEnd(c byte) bool {
	return bytes.IndexByte([]byte(",:{}[]\"' \t\r\n"), c) >= 0
}

// isJSONNumber reports whether b is a number in JSON's grammar.
func isJSONNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		if j := digits(b, i+1); j > i+1 {
			i = j
		} else {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(b)
}

// digits returns the index after the run of digits of b at i.
func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}
