package format

import (
	"fmt"

	"github.com/czql/czql/ast"
	"github.com/czql/czql/diag"
)

// cond prints a condition: on one line when it fits and holds no comment.
// Otherwise a chain of one operator (a AND b AND c) breaks before each
// operator, which starts a line indented by cont; an operand that must
// break itself uses cont+2 for its own operators. A too long IN list or
// sub-query becomes a block (see [printer.subquery]). tail is the width
// of what must follow e on its line, such as closing parentheses.
func (p *printer) cond(e ast.Expr, cont, tail int) {
	if isNilNode(e) {
		p.missing("condition")
		return
	}
	oneLine := p.fits(e, tail)
	switch e := e.(type) {
	case *ast.BinaryExpr:
		p.binary(e, oneLine, cont, tail)
	case *ast.NotExpr:
		p.token("NOT", e.Not)
		p.space()
		p.operand(e.X, needsParens(e.X, precNot), cont, tail)
	case *ast.ParenExpr:
		p.token("(", e.Lparen)
		p.cond(e.X, cont, tail+1)
		p.token(")", e.Rparen)
	case *ast.CompareExpr:
		p.field(e.X)
		p.space()
		p.compareOp(e.Op, e.OpRng)
		p.space()
		p.literal(e.Y)
	case *ast.InExpr:
		p.in(e, oneLine)
	case *ast.LikeExpr:
		p.field(e.X)
		p.space()
		p.token(notPrefix(e.Not)+"LIKE", e.OpRng)
		p.space()
		p.literal(e.Pattern)
	case *ast.BadExpr:
		p.errorf("cannot print a BadExpr at %s", e.Rng)
		p.token("<bad>", e.Rng)
	case ast.Literal:
		p.literal(e)
	default:
		p.errorf("cannot print a %T", e)
	}
}

// binary prints a chain of one logical operator, breaking before each
// operator unless oneLine; tail follows the last operand.
func (p *printer) binary(e *ast.BinaryExpr, oneLine bool, cont, tail int) {
	operands, ops := chain(e)
	for i, x := range operands {
		if i > 0 {
			if oneLine {
				p.space()
			} else {
				p.newline(cont)
			}
			p.token(e.Op.String(), ops[i-1])
			p.space()
		}
		t := 0
		if i == len(operands)-1 {
			t = tail
		}
		p.operand(x, needsParens(x, parentPrec(e.Op, i > 0)), cont+2, t)
	}
}

// chain returns the operands of the left-nested chain of e's operator,
// such as [a b c] for ((a AND b) AND c), and the ranges of the operators
// between them.
func chain(e *ast.BinaryExpr) ([]ast.Expr, []diag.Range) {
	var rev []ast.Expr
	var revOps []diag.Range
	var x ast.Expr = e
	for {
		b, ok := x.(*ast.BinaryExpr)
		if !ok || b == nil || b.Op != e.Op {
			break
		}
		rev = append(rev, b.Y)
		revOps = append(revOps, b.OpRng)
		x = b.X
	}
	rev = append(rev, x)
	operands := make([]ast.Expr, len(rev))
	ops := make([]diag.Range, len(revOps))
	for i, y := range rev {
		operands[len(rev)-1-i] = y
	}
	for i, r := range revOps {
		ops[len(revOps)-1-i] = r
	}
	return operands, ops
}

// operand prints x, inside parentheses the tree lacks when paren is set.
func (p *printer) operand(x ast.Expr, paren bool, cont, tail int) {
	if !paren {
		p.cond(x, cont, tail)
		return
	}
	p.punct("(")
	p.cond(x, cont, tail+1)
	p.punct(")")
}

// Precedences: NOT binds tighter than AND, AND tighter than OR.
const (
	precOr  = 1
	precAnd = 2
	precNot = 3
)

// parentPrec returns the lowest precedence an operand of op may have
// without parentheses: a right operand needs a higher one than op itself,
// since chains nest to the left.
func parentPrec(op ast.LogicOp, right bool) int {
	prec := precAnd
	if op == ast.Or {
		prec = precOr
	}
	if right {
		prec++
	}
	return prec
}

// needsParens reports whether x, a binary expression of lower precedence
// than least, needs parentheses the tree does not hold. A parsed tree never
// does: its [ast.ParenExpr] nodes keep the parentheses. Only a hand-built
// tree can, and adding them keeps its meaning.
func needsParens(x ast.Expr, least int) bool {
	b, ok := x.(*ast.BinaryExpr)
	if !ok || b == nil {
		return false
	}
	return parentPrec(b.Op, false) < least
}

// in prints `field [NOT] IN (…)`: the list or sub-query on one line when
// the whole fits, otherwise as a block indented from the current line.
func (p *printer) in(e *ast.InExpr, oneLine bool) {
	p.field(e.X)
	p.space()
	p.token(notPrefix(e.Not)+"IN", e.OpRng)
	p.space()
	if e.Query != nil {
		if e.List != nil {
			p.errorf("IN with both a list and a sub-query")
		}
		p.subquery(oneLine, e.Lparen, e.Query, e.Rparen)
		return
	}
	if len(e.List) == 0 {
		p.errorf("empty IN list")
	}
	p.token("(", e.Lparen)
	ind := p.indent
	for i, l := range e.List {
		if i > 0 {
			p.punct(",")
		}
		if oneLine {
			if i > 0 {
				p.space()
			}
		} else {
			p.newline(ind + indentStep)
		}
		p.literal(l)
	}
	if !oneLine {
		p.newline(ind)
	}
	p.token(")", e.Rparen)
}

// compareOp prints a comparison operator; <> is the only spelling of not
// equal.
func (p *printer) compareOp(op ast.CompareOp, r diag.Range) {
	if op < ast.Eq || op > ast.Ge {
		p.errorf("unknown comparison operator %d", op)
	}
	p.token(op.String(), r)
}

func notPrefix(not bool) string {
	if not {
		return "NOT "
	}
	return ""
}

// describeLiteral names l and its text for an error message.
func describeLiteral(l ast.Literal) string {
	switch l := l.(type) {
	case *ast.StringLit:
		return fmt.Sprintf("string %q", l.Value)
	case *ast.NumberLit:
		return fmt.Sprintf("number %q", l.Raw)
	case *ast.DateLit:
		return fmt.Sprintf("date %q", l.Raw)
	case *ast.ParamRef:
		return fmt.Sprintf("parameter %q", l.Name)
	}
	return fmt.Sprintf("%T", l)
}
