package repl

import (
	"strings"

	"github.com/czql/czql/lexer"
)

// splitter cuts text fed line by line into statements at the ';' tokens
// of the lexer, so that a ';' in a string or a comment does not end a
// statement. It remembers where the pending text starts so that
// diagnostics show the line and column of the whole input.
type splitter struct {
	pending string
	line    int // the 1-based line where pending starts
	col     int // the 1-based byte column where pending starts
}

// newSplitter returns a splitter at the start of the input.
func newSplitter() *splitter { return &splitter{line: 1, col: 1} }

// unterminated reports whether the pending text ends inside a string or
// a block comment: the lexer reports it.
func (sp *splitter) unterminated() bool {
	return len(lexer.Scan(sp.pending).Diags) > 0
}

// skip drops the pending text and a line that is not part of any
// statement (a meta-command).
func (sp *splitter) skip(line string) {
	sp.advance(sp.pending + line)
	sp.pending = ""
}

// add appends line (with its newline, if any) and returns the complete
// statements, each padded so that its positions are those of the input.
func (sp *splitter) add(line string) []string {
	sp.pending += line
	var stmts []string
	for {
		end := statementEnd(sp.pending)
		if end < 0 {
			return stmts
		}
		if stmt := sp.pending[:end]; hasTokens(stmt) && !onlySemicolons(stmt) {
			stmts = append(stmts, sp.padded(stmt))
		}
		sp.advance(sp.pending[:end])
		sp.pending = sp.pending[end:]
	}
}

// flush returns what is left as a last statement, or "" when it holds no
// token. Text that ends inside a block comment or a string is returned
// too, token or not, so that running it reports the lexer's error
// instead of dropping what the comment swallowed.
func (sp *splitter) flush() string {
	stmt := sp.pending
	padded := sp.padded(stmt)
	unterminated := sp.unterminated()
	sp.skip("")
	if !unterminated && (!hasTokens(stmt) || onlySemicolons(stmt)) {
		return ""
	}
	return padded
}

// padded returns stmt preceded by the newlines and blanks that put it at
// its place in the input.
func (sp *splitter) padded(stmt string) string {
	return strings.Repeat("\n", sp.line-1) + strings.Repeat(" ", sp.col-1) + stmt
}

// advance moves the start position past text.
func (sp *splitter) advance(text string) {
	if n := strings.Count(text, "\n"); n > 0 {
		sp.line += n
		sp.col = len(text) - strings.LastIndexByte(text, '\n')
		return
	}
	sp.col += len(text)
}

// statementEnd returns the offset just after the first ';' token of
// text, or -1 when there is none.
func statementEnd(text string) int {
	sc := lexer.NewScanner(text)
	for {
		tok := sc.Next()
		switch {
		case tok.Kind == lexer.EOF:
			return -1
		case tok.IsPunct(";"):
			return tok.End()
		}
	}
}

// hasTokens reports whether text holds a token other than comments.
func hasTokens(text string) bool {
	return len(lexer.Scan(text).Tokens) > 1
}

// onlySemicolons reports whether every token of text is ';'.
func onlySemicolons(text string) bool {
	for _, tok := range lexer.Scan(text).Tokens {
		if tok.Kind != lexer.EOF && !tok.IsPunct(";") {
			return false
		}
	}
	return true
}
