package parser

import (
	"github.com/czql/czql/ast"
	"github.com/czql/czql/lexer"
)

// Unfinished reports whether the last statement of src stops before it is
// complete, so that more text could make it valid: it is inside a block
// comment or parentheses, or the grammar still expects something at its
// end (a FROM, a condition after AND, a value after '=', …). A statement
// that is complete, or wrong in a way that more text cannot mend, is not
// unfinished; neither is text that ends with ';' or holds no statement.
// Shells use it to decide whether Enter runs the statement or continues it
// on a new line.
func Unfinished(src string) bool {
	p := newParser(src)
	f := &ast.File{}
	unfinished := false
	for p.nextStatement(f) {
		unfinished = false
		for {
			p.parseStatement()
			if p.atEOF() {
				break
			}
		}
		unfinished = !p.semi && (p.failedAtEnd || p.br.deep < 0 && p.br.unclosed >= 0)
	}
	p.release()
	for _, d := range p.sc.Diagnostics() {
		if d.Code == lexer.CodeUnterminatedComment {
			return true
		}
	}
	return unfinished
}
