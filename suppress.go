package czql

import (
	"regexp"
	"strings"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// ignorePrefix starts a suppression comment, after the "--".
const ignorePrefix = "czql:ignore"

// ignoreScope is where one czql:ignore comment silences diagnostics: the
// byte offsets [start, end] of a statement, or one line.
type ignoreScope struct {
	codes      []string // nil: every code
	line       int      // the line silenced, when > 0
	start, end int      // the statement silenced, when line == 0
}

// covers reports whether the scope silences d.
func (s ignoreScope) covers(d diag.Diagnostic) bool {
	if !d.Range.Start.IsValid() {
		return false
	}
	if s.line > 0 {
		if d.Range.Start.Line != s.line {
			return false
		}
	} else if off := d.Range.Start.Offset; off < s.start || off > s.end {
		return false
	}
	if s.codes == nil {
		return true
	}
	for _, c := range s.codes {
		if strings.EqualFold(c, d.Code) {
			return true
		}
	}
	return false
}

// suppress returns l without the diagnostics that the czql:ignore comments
// of file silence. A comment "-- czql:ignore CODE[,CODE] [reason]" alone on
// its line silences those codes in the statement that follows it or, when
// it is inside a statement, on the next line; at the end of a line it
// silences them on that line. Without codes it silences every code. text
// is the source file was parsed from.
func suppress(file *ast.File, text []byte, l diag.List) diag.List {
	if file == nil || len(l) == 0 {
		return l
	}
	scopes := ignoreScopes(file, text)
	if len(scopes) == 0 {
		return l
	}
	var out diag.List
	for _, d := range l {
		if !anyCovers(scopes, d) {
			out = append(out, d)
		}
	}
	return out
}

// anyCovers reports whether one of scopes silences d.
func anyCovers(scopes []ignoreScope, d diag.Diagnostic) bool {
	for _, s := range scopes {
		if s.covers(d) {
			return true
		}
	}
	return false
}

// ignoreScopes returns the scope of every czql:ignore comment of file.
func ignoreScopes(file *ast.File, text []byte) []ignoreScope {
	var scopes []ignoreScope
	for _, c := range file.Comments {
		codes, ok := parseIgnore(c.Text)
		if !ok {
			continue
		}
		s := ignoreScope{codes: codes}
		switch r := c.Rng; {
		case !onlySpaceBefore(text, r.Start.Offset):
			s.line = r.Start.Line
		case statementAt(file, r.Start.Offset) != nil:
			s.line = r.Start.Line + 1
		default:
			q := statementAfter(file, r.End.Offset)
			if q == nil {
				continue
			}
			s.start, s.end = q.Rng.Start.Offset, q.Rng.End.Offset
		}
		scopes = append(scopes, s)
	}
	return scopes
}

// commaSpace matches a comma with the spaces around it.
var commaSpace = regexp.MustCompile(`\s*,\s*`)

// parseIgnore reads a "-- czql:ignore CODE[,CODE] [reason]" comment. It
// returns the codes (nil for all) and whether the comment is one.
func parseIgnore(comment string) ([]string, bool) {
	body, ok := strings.CutPrefix(comment, "--")
	if !ok {
		return nil, false
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(body), ignorePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	fields := strings.Fields(commaSpace.ReplaceAllString(strings.TrimSpace(rest), ","))
	if len(fields) == 0 {
		return nil, true
	}
	var codes []string
	for _, c := range strings.Split(fields[0], ",") {
		if c != "" {
			codes = append(codes, c)
		}
	}
	return codes, true
}

// onlySpaceBefore reports whether only blanks precede offset off on its
// line of text.
func onlySpaceBefore(text []byte, off int) bool {
	for i := min(off, len(text)) - 1; i >= 0 && text[i] != '\n'; i-- {
		if text[i] != ' ' && text[i] != '\t' && text[i] != '\r' {
			return false
		}
	}
	return true
}

// statementAt returns the statement of file whose span holds off, or nil.
func statementAt(file *ast.File, off int) *ast.Query {
	for _, q := range file.Queries {
		if q != nil && q.Rng.Start.Offset < off && off < q.Rng.End.Offset {
			return q
		}
	}
	return nil
}

// statementAfter returns the first statement of file that starts at or
// after off, or nil.
func statementAfter(file *ast.File, off int) *ast.Query {
	for _, q := range file.Queries {
		if q != nil && q.Rng.Start.Offset >= off {
			return q
		}
	}
	return nil
}
