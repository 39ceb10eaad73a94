package repl

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	czlexer "github.com/czql/czql/lexer"
)

// needsMore reports whether the statement text cannot be complete yet,
// so that an empty line continues it rather than running it: it is inside
// a block comment, it has more '(' than ')', it has no FROM outside
// parentheses, or its last token asks for more (a clause keyword, AND,
// an operator, a comma, a dot). A statement that is complete, or wrong in
// a way more text cannot mend, runs, and its diagnostics are shown.
func needsMore(text string) bool {
	res := czlexer.Scan(stdinName, text)
	for _, d := range res.Diags {
		if d.Code == czlexer.CodeUnterminatedComment {
			return true
		}
	}
	toks := res.Tokens[:len(res.Tokens)-1] // without EOF
	if len(toks) == 0 {
		return false
	}
	depth, from := 0, false
	for _, t := range toks {
		switch {
		case isPunct(t, "("):
			depth++
		case isPunct(t, ")"):
			depth--
		case depth == 0 && t.Type == czlexer.Reserved && strings.EqualFold(t.Value, "FROM"):
			from = true
		}
	}
	return depth > 0 || !from || asksForMore(toks[len(toks)-1])
}

// continuationWords are the words after which a statement cannot end.
var continuationWords = []string{
	"SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "IS",
	"BY", "ORDER", "GROUP", "LIMIT", "OFFSET", "AS",
}

// asksForMore reports whether a statement ending with t is unfinished.
func asksForMore(t lexer.Token) bool {
	switch t.Type {
	case czlexer.Operator:
		return true
	case czlexer.Punct:
		return t.Value == "," || t.Value == "." || t.Value == "("
	case czlexer.Reserved, czlexer.Keyword:
		for _, w := range continuationWords {
			if strings.EqualFold(t.Value, w) {
				return true
			}
		}
	}
	return false
}

// isPunct reports whether t is the punctuation p.
func isPunct(t lexer.Token, p string) bool {
	return t.Type == czlexer.Punct && t.Value == p
}
