package parser

import (
	"github.com/czql/czql/diag"
	"github.com/czql/czql/lexer"
)

// brackets is what the bracket pre-pass learnt about a statement.
type brackets struct {
	unmatched int // index of the first ')' without its '(', or -1
	unclosed  int // index of the innermost '(' that is never closed, or -1
	deep      int // index of the token past MaxNesting levels, or -1
}

// checkBrackets is the bracket pre-pass over the tokens of a statement, in
// one linear pass without recursion. It finds the first unmatched ')', the
// innermost unclosed '(' and the first token nested more than MaxNesting
// levels deep. The depth counts the parentheses that are open plus the
// NOTs written in a row before a condition, since `NOT NOT … x` nests too.
func checkBrackets(toks []lexer.Token) brackets {
	type open struct{ i, depth int }
	var buf [16]open
	stack := buf[:0]
	b := brackets{unmatched: -1, unclosed: -1, deep: -1}
	base, nots := 0, 0 // depth at the innermost open '(', NOTs in a row since
	for i, t := range toks {
		switch {
		case t.IsPunct("("):
			depth := base + nots + 1
			if depth > MaxNesting {
				b.deep = i
				return b
			}
			stack = append(stack, open{i, depth})
			base, nots = depth, 0
		case t.IsPunct(")"):
			if len(stack) == 0 {
				if b.unmatched < 0 {
					b.unmatched = i
				}
				continue
			}
			stack = stack[:len(stack)-1]
			base, nots = 0, 0
			if n := len(stack); n > 0 {
				base = stack[n-1].depth
			}
		case t.Kind == lexer.Reserved && t.IsWord("NOT"):
			nots++
			if base+nots > MaxNesting {
				b.deep = i
				return b
			}
		default:
			nots = 0
		}
	}
	if n := len(stack); n > 0 {
		b.unclosed = stack[n-1].i
	}
	return b
}

// tooDeep returns the nesting-too-deep error at r.
func tooDeep(r diag.Range) diag.Diagnostic {
	return diag.Errorf(CodeNestingTooDeep, r,
		"nesting too deep: more than %d levels of parentheses, sub-queries and NOT", MaxNesting)
}
