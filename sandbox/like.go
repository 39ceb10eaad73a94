package sandbox

import (
	"regexp"
	"strings"
)

// compileLike returns the matcher of a Like pattern: % is any run of
// characters, _ exactly one; everything else is literal. The pattern and
// the text are lower-cased by the caller (Like is case-insensitive).
func compileLike(pattern string) func(string) bool {
	if !strings.ContainsAny(pattern, "%_") {
		return func(s string) bool { return s == pattern }
	}
	var b strings.Builder
	b.WriteString(`(?s)^`)
	for _, r := range pattern {
		switch r {
		case '%':
			b.WriteString(`.*`)
		case '_':
			b.WriteString(`.`)
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString(`$`)
	re := regexp.MustCompile(b.String())
	return re.MatchString
}
