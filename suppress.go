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

// suppressor applies the czql:ignore comments of a source read one
// statement at a time (see parser.Statements). A comment
// "-- czql:ignore CODE[,CODE] [reason]" alone on its line silences those
// codes in the statement that follows it or, when it is inside a
// statement, on the next line; at the end of a line it silences them on
// that line. Without codes it silences every code.
//
// The diagnostics of a statement are filtered once the comments after it
// up to the next statement are read, for a comment at the end of its last
// line; scopes that can silence nothing further are forgotten, so the
// suppressor holds the comments of a statement or two, not a file's.
type suppressor struct {
	text   []byte
	scopes []ignoreScope
	// waiting are the comments, alone on their lines, outside any
	// statement: each silences the next statement that starts after it.
	waiting []waitingScope
}

// waitingScope is a statement scope whose statement is not read yet.
type waitingScope struct {
	codes []string
	after int // the offset of the end of the comment
}

// add reads the comments read with statement q (nil: the comments after
// the last statement).
func (s *suppressor) add(comments []*ast.Comment, q *ast.Query) {
	if q != nil {
		s.bindWaiting(q)
	}
	for _, c := range comments {
		codes, ok := parseIgnore(c.Text)
		if !ok {
			continue
		}
		switch r := c.Rng; {
		case !onlySpaceBefore(s.text, r.Start.Offset):
			s.scopes = append(s.scopes, ignoreScope{codes: codes, line: r.Start.Line})
		case q != nil && q.Rng.Start.Offset < r.Start.Offset && r.Start.Offset < q.Rng.End.Offset:
			s.scopes = append(s.scopes, ignoreScope{codes: codes, line: r.Start.Line + 1})
		default:
			s.waiting = append(s.waiting, waitingScope{codes: codes, after: r.End.Offset})
		}
	}
	if q != nil {
		s.bindWaiting(q)
	}
}

// bindWaiting turns the waiting scopes before q into scopes of q.
func (s *suppressor) bindWaiting(q *ast.Query) {
	kept := s.waiting[:0]
	for _, w := range s.waiting {
		if w.after <= q.Rng.Start.Offset {
			s.scopes = append(s.scopes, ignoreScope{codes: w.codes, start: q.Rng.Start.Offset, end: q.Rng.End.Offset})
		} else {
			kept = append(kept, w)
		}
	}
	s.waiting = kept
}

// filter returns l without the diagnostics that the scopes read so far
// silence.
func (s *suppressor) filter(l diag.List) diag.List {
	if len(s.scopes) == 0 || len(l) == 0 {
		return l
	}
	out := l[:0:0]
	for _, d := range l {
		if !anyCovers(s.scopes, d) {
			out = append(out, d)
		}
	}
	return out
}

// forget drops the scopes that cannot silence a diagnostic at or after
// pos.
func (s *suppressor) forget(pos diag.Pos) {
	kept := s.scopes[:0]
	for _, sc := range s.scopes {
		if (sc.line > 0 && sc.line >= pos.Line) || (sc.line == 0 && sc.end >= pos.Offset) {
			kept = append(kept, sc)
		}
	}
	s.scopes = kept
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
