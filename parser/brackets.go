package parser

import (
	plexer "github.com/alecthomas/participle/v2/lexer"

	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// checkBrackets is the bracket pre-pass over the tokens of a statement. It
// returns the first problem with parentheses: an unmatched ')', an unclosed
// '(' (the innermost one), or nesting deeper than MaxNesting. In the last
// case skip is true: the statement must not be parsed, because participle
// recurses once per level.
//
// The nesting depth counts the parentheses that are open plus the NOTs
// written in a row before a condition, since `NOT NOT … x` recurses too.
func checkBrackets(toks []plexer.Token) (d *diag.Diagnostic, skip bool) {
	type open struct{ i, depth int }
	var buf [16]open
	stack := buf[:0]
	base, nots := 0, 0 // depth at the innermost open '(', NOTs in a row since
	for i, t := range toks {
		switch {
		case t.Type == lexer.Punct && t.Value == "(":
			depth := base + nots + 1
			if depth > MaxNesting {
				return tooDeep(t), true
			}
			stack = append(stack, open{i, depth})
			base, nots = depth, 0
		case t.Type == lexer.Punct && t.Value == ")":
			if len(stack) == 0 {
				if d == nil {
					d = syntaxAt(lexer.Range(t), "unmatched ')'")
				}
				continue
			}
			stack = stack[:len(stack)-1]
			base, nots = 0, 0
			if n := len(stack); n > 0 {
				base = stack[n-1].depth
			}
		case t.Type == lexer.Reserved && isWord(t, "NOT"):
			nots++
			if base+nots > MaxNesting {
				return tooDeep(t), true
			}
		default:
			nots = 0
		}
	}
	if n := len(stack); n > 0 && d == nil {
		d = unclosed(toks, stack[n-1].i)
	}
	return d, false
}

// unclosed returns the error for the '(' at i, which is never closed.
func unclosed(toks []plexer.Token, i int) *diag.Diagnostic {
	msg := "unclosed '('"
	if c := clauseOf(toks, i); c.name != "" {
		msg += " in " + c.name + " clause"
	}
	return syntaxAt(lexer.Range(toks[i]), msg)
}

// tooDeep returns the nesting-too-deep error at t.
func tooDeep(t plexer.Token) *diag.Diagnostic {
	d := diag.Errorf(CodeNestingTooDeep, lexer.Range(t),
		"nesting too deep: more than %d levels of parentheses, sub-queries and NOT", MaxNesting)
	return &d
}

// syntaxAt returns a syntax error with the given range and message.
func syntaxAt(r diag.Range, msg string) *diag.Diagnostic {
	d := diag.Diagnostic{Severity: diag.Error, Code: CodeSyntax, Range: r, Message: msg}
	return &d
}
