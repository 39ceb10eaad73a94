package api

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// MaxRequestSize is the largest request body, in bytes, that [StrictJSON]
// reads: 25 MB, the request limit of the API guide's "API Governance".
const MaxRequestSize = 25 << 20

// The relaxed JSON of requests
//
// The service reads request bodies with a lenient JSON reader: the API
// guide's own examples post {UserName: "user", Password: "****"} and
// "{title: 'Issue 1'}", and public clients post Python's str(dict). The
// relaxed syntax that StrictJSON reads is standard JSON plus:
//
//   - object keys without quotes: letters, digits and _ $ @ . - (and any
//     non-ASCII byte);
//   - strings in single quotes, where \' stands for ' and " needs no
//     escape; \' is also accepted in double-quoted strings;
//   - control characters inside strings (written out as \u00XX);
//   - a comma after the last member of an object or array;
//   - the words true, false and null in any case (True, FALSE), and
//     Python's None for null.
//
// StrictJSON reads its input once, with an explicit stack instead of
// recursion: its time and memory are linear in the input, which may be at
// most MaxRequestSize bytes and nested at most MaxDepth levels. Its output
// is at most six times longer than its input (a control character becomes
// six bytes).

// StrictJSON returns data, one value in relaxed JSON, as standard JSON.
// Standard JSON comes back as it is. Errors give the byte offset of the
// problem.
func StrictJSON(data []byte) ([]byte, error) {
	if len(data) > MaxRequestSize {
		return nil, fmt.Errorf("api: request of %d bytes is larger than %d bytes", len(data), MaxRequestSize)
	}
	if json.Valid(data) {
		return data, nil
	}
	r := relaxer{in: data, out: make([]byte, 0, len(data)+len(data)/8+8)}
	if err := r.run(); err != nil {
		return nil, err
	}
	return r.out, nil
}

// RelaxedError is a syntax error in relaxed JSON.
type RelaxedError struct {
	Offset int    // of the offending byte
	Msg    string // what was wrong
}

// Error formats the error with its offset.
func (e *RelaxedError) Error() string {
	return fmt.Sprintf("api: invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

// The states of the relaxer: what comes next.
const (
	stValue        = iota // a value
	stValueOrClose        // a value or ']' (after '[' or a comma)
	stKeyOrClose          // a key or '}' (after '{' or a comma)
	stColon               // the ':' after a key
	stAfter               // ',' or the end of the open container
)

// relaxer transcribes relaxed JSON into standard JSON.
type relaxer struct {
	in    []byte
	pos   int
	out   []byte
	stack []byte // the open containers, '{' or '['
	comma bool   // a comma was read and is written only if an element follows
}

func (r *relaxer) fail(msg string, args ...any) error {
	return &RelaxedError{Offset: r.pos, Msg: fmt.Sprintf(msg, args...)}
}

// run reads the whole input.
func (r *relaxer) run() error {
	state := stValue
	for {
		r.space()
		if r.pos == len(r.in) {
			return r.fail("unexpected end of input")
		}
		next, err := r.step(state, r.in[r.pos])
		if err != nil {
			return err
		}
		if next == stAfter && len(r.stack) == 0 {
			r.space()
			if r.pos != len(r.in) {
				return r.fail("unexpected %q after the value", r.in[r.pos])
			}
			return nil
		}
		state = next
	}
}

// step reads what state expects, starting with byte c, and returns the
// next state.
func (r *relaxer) step(state int, c byte) (int, error) {
	switch state {
	case stValueOrClose, stKeyOrClose:
		if closer := closing(state); c == closer {
			return r.close(c)
		}
		if state == stKeyOrClose {
			return stColon, r.key(c)
		}
		return r.value(c)
	case stColon:
		if c != ':' {
			return 0, r.fail("want ':' after a key, got %q", c)
		}
		r.pos++
		r.out = append(r.out, ':')
		return stValue, nil
	case stAfter:
		return r.after(c)
	}
	return r.value(c)
}

// closing returns the byte that closes the container of state.
func closing(state int) byte {
	if state == stKeyOrClose {
		return '}'
	}
	return ']'
}

// after reads a comma or the end of the open container.
func (r *relaxer) after(c byte) (int, error) {
	top := r.stack[len(r.stack)-1]
	switch {
	case c == ',':
		r.pos++
		r.comma = true
		if top == '{' {
			return stKeyOrClose, nil
		}
		return stValueOrClose, nil
	case (c == '}' && top == '{') || (c == ']' && top == '['):
		return r.close(c)
	}
	return 0, r.fail("want ',' or the end of the %s, got %q", containerName(top), c)
}

func containerName(open byte) string {
	if open == '{' {
		return "object"
	}
	return "array"
}

// close ends the open container; a pending comma was a trailing one.
func (r *relaxer) close(c byte) (int, error) {
	r.pos++
	r.comma = false
	r.stack = r.stack[:len(r.stack)-1]
	r.out = append(r.out, c)
	return stAfter, nil
}

// element writes the comma that precedes an element, if one was read.
func (r *relaxer) element() {
	if r.comma {
		r.out = append(r.out, ',')
		r.comma = false
	}
}

// value reads a value starting with c.
func (r *relaxer) value(c byte) (int, error) {
	r.element()
	switch c {
	case '{', '[':
		if len(r.stack) >= MaxDepth {
			return 0, r.fail("nested deeper than %d levels", MaxDepth)
		}
		r.stack = append(r.stack, c)
		r.out = append(r.out, c)
		r.pos++
		if c == '{' {
			return stKeyOrClose, nil
		}
		return stValueOrClose, nil
	case '"', '\'':
		return stAfter, r.str(c)
	case ',', ':', '}', ']':
		return 0, r.fail("want a value, got %q", c)
	}
	return stAfter, r.word()
}

// key reads an object key starting with c: a string or a bare name.
func (r *relaxer) key(c byte) error {
	r.element()
	if c == '"' || c == '\'' {
		return r.str(c)
	}
	start := r.pos
	for r.pos < len(r.in) && isNameByte(r.in[r.pos]) {
		r.pos++
	}
	if r.pos == start {
		return r.fail("want a key, got %q", c)
	}
	r.out = append(r.out, '"')
	r.out = append(r.out, r.in[start:r.pos]...)
	r.out = append(r.out, '"')
	return nil
}

// isNameByte reports whether c may appear in an unquoted key.
func isNameByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c >= 0x80:
		return true
	}
	return bytes.IndexByte([]byte("_$@.-"), c) >= 0
}

// space skips white space (and a byte-order mark).
func (r *relaxer) space() {
	for r.pos < len(r.in) {
		switch r.in[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		case 0xEF:
			if !bytes.HasPrefix(r.in[r.pos:], []byte("\xEF\xBB\xBF")) {
				return
			}
			r.pos += 3
		default:
			return
		}
	}
}
