package lexer

import "github.com/czql/czql/diag"

// Result is a whole source lexed at once.
type Result struct {
	Tokens   []Token         // the tokens without Comment and Invalid ones; ends with one EOF token
	Comments []Token         // the Comment tokens, in source order
	Diags    diag.List       // the lexical diagnostics, sorted by position
	Lines    *diag.LineTable // the line starts of the source
}

// Scan lexes all of src. Comments go to Result.Comments, invalid input
// only to Result.Diags. The parser does not use it: it lexes one statement
// at a time, so that its memory follows the largest statement rather than
// the file.
func Scan(src string) *Result {
	s := NewScanner(src)
	r := &Result{Tokens: make([]Token, 0, len(src)/5+1)}
	for {
		t := s.Next()
		switch t.Kind {
		case Comment:
			r.Comments = append(r.Comments, t)
		case Invalid:
		default:
			r.Tokens = append(r.Tokens, t)
		}
		if t.Kind == EOF {
			break
		}
	}
	r.Diags = s.Diagnostics()
	r.Diags.Sort()
	r.Lines = s.Lines()
	return r
}

// Range returns the range of one of r's tokens.
func (r *Result) Range(t Token) diag.Range { return rangeIn(r.Lines, t) }
