package client

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// minScrubLen is the length of the shortest password scrubbed from text:
// replacing a shorter one would mangle ordinary words ("response" with
// the password "p") and hide nothing.
const minScrubLen = 4

// secretForms returns the forms of password a server may echo back: as
// it is, JSON-escaped (Go's escaping, with and without HTML escapes, and
// the \uXXXX escaping of every non-ASCII or HTML-sensitive character that
// .NET servers use, in both hex cases) and URL-encoded (query and path
// escaping, in both hex cases). Longer forms come first, so that none is
// left half-replaced. It returns nil for passwords shorter than
// minScrubLen.
func secretForms(password string) []string {
	if utf8.RuneCountInString(password) < minScrubLen {
		return nil
	}
	forms := []string{password, jsonForm(password, true), jsonForm(password, false)}
	forms = append(forms, jsonASCII(password, "%04X"), jsonASCII(password, "%04x"))
	for _, esc := range []string{url.QueryEscape(password), url.PathEscape(password)} {
		forms = append(forms, esc, lowerHex(esc))
	}
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	return slices.Compact(forms)
}

// jsonForm is s as encoding/json writes it inside a string, with or
// without the escaping of <, > and &.
func jsonForm(s string, escapeHTML bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(escapeHTML)
	enc.Encode(s) // a string always encodes
	out := strings.TrimSuffix(b.String(), "\n")
	return out[1 : len(out)-1]
}

// jsonASCII is s JSON-escaped with every character outside printable
// ASCII, and the HTML-sensitive ones, as \u and four hex digits written
// with hexFormat ("%04X" or "%04x"); surrogate pairs above U+FFFF.
func jsonASCII(s, hexFormat string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r >= 0x20 && r < 0x7f && !strings.ContainsRune("<>&'+`", r):
			b.WriteRune(r)
		case r > 0xffff:
			r -= 0x10000
			fmt.Fprintf(&b, `\u`+hexFormat+`\u`+hexFormat, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		default:
			fmt.Fprintf(&b, `\u`+hexFormat, r)
		}
	}
	return b.String()
}

// lowerHex lower-cases the hex digits of the %XX escapes of s.
func lowerHex(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1], b[i+2] = lower(b[i+1]), lower(b[i+2])
		}
	}
	return string(b)
}

// lower lower-cases an ASCII letter.
func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
